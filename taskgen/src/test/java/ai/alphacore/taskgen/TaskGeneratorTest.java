package ai.alphacore.taskgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.ideal.IdealMiner;
import ai.alphacore.taskgen.naming.NameKind;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TaskGeneratorTest {
  private final TaskGenerator gen = Fixtures.generator();

  @Test
  void sameSeedAndConfigGiveByteIdenticalJsonAcrossGeneratorInstances() {
    TaskGenerator other = Fixtures.generator();
    for (int i = 0; i < 300; i++) {
      TaskSeed s = TaskSeed.ofRun(123, i);
      String a = TaskJson.pretty(gen.generate(s, Selection.ANY).validatorJson());
      String b = TaskJson.pretty(other.generate(s, Selection.ANY).validatorJson());
      assertThat(a).isEqualTo(b);
    }
    assertThat(TaskJson.line(gen.generate(TaskSeed.ofRun(1, 0), Selection.ANY).specJson()))
        .isNotEqualTo(TaskJson.line(gen.generate(TaskSeed.ofRun(1, 1), Selection.ANY).specJson()));
  }

  /** Pinned output: any change to drawing order or wording shows up here and must be deliberate. */
  @Test
  void pinnedTaskForSeedZero() {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(0, 0), Selection.family("bucket_with_object"));
    assertThat(t.taskId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(t.task().extra().get("nonce").asText()).matches("[0-9a-f]{16}");
    assertThat(t.task().extra().get("kind").asText()).startsWith("storage bucket + bucket object");
    String again = TaskJson.pretty(Fixtures.generator().generate(TaskSeed.ofRun(0, 0), Selection.family("bucket_with_object")).specJson());
    assertThat(TaskJson.pretty(t.specJson())).isEqualTo(again);
  }

  @Test
  void taskJsonHasTheReferenceShape() {
    for (int i = 0; i < 200; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(8, i), Fixtures.everySelection().get(i % 43));
      JsonNode spec = t.specJson();
      assertThat(List.copyOf(iter(spec.fieldNames()))).containsExactly("version", "task_id", "nonce", "kind", "invariants", "prompt", "metadata");
      for (JsonNode inv : spec.get("invariants")) {
        // Any other key makes the reference's Invariant(**obj) fail the whole task.
        assertThat(List.copyOf(iter(inv.fieldNames()))).containsExactly("resource_type", "match", "comparison_rule");
        inv.get("comparison_rule").forEach(r -> assertThat(r.asText()).isIn("exact_match", "starts_with", "ends_with"));
        inv.get("comparison_rule").fieldNames().forEachRemaining(k -> assertThat(inv.get("match").has(k)).isTrue());
      }
      JsonNode md = spec.get("metadata");
      assertThat(md.get("requires_validator_access").asBoolean()).isTrue();
      assertThat(md.get("rules").get("rules").size()).isEqualTo(t.task().invariants().stream().mapToInt(x -> x.match().size()).sum());
      JsonNode v = t.validatorJson();
      assertThat(List.copyOf(iter(v.fieldNames()))).containsExactly("engine", "provider", "validator_sa", "task", "submit_requirements");
      assertThat(List.copyOf(iter(t.minerView().fieldNames()))).containsExactly("task_id", "prompt");
      assertThat(t.acTaskSpecJson().get("params").get("task").get("task_id").asText()).isEqualTo(t.taskId());
      assertThat(t.prompt()).doesNotContain(md.path("generator").path("seed").asText());
    }
  }

  @Test
  void everyFamilyIsGenerableAndSizesMatchTheReferenceTable() {
    Map<String, Set<Integer>> sizes = new TreeMap<>();
    for (Family f : Fixtures.GCP.families()) {
      for (int i = 0; i < 200; i++) {
        GeneratedTask t = gen.generate(TaskSeed.ofRun(3, i), Selection.family(f.name()));
        assertThat(t.task().extra().get("metadata").get("composition_family").asText()).isEqualTo(f.name());
        assertThat(t.task().extra().get("metadata").get("resource_keys")).extracting(JsonNode::asText).containsAll(f.mandatory());
        sizes.computeIfAbsent(f.name(), k -> new java.util.TreeSet<>()).add(t.resourceCount());
      }
    }
    assertThat(sizes.get("network_stack")).containsExactly(4);
    assertThat(sizes.get("network_plus_storage")).containsExactly(6, 7);
    assertThat(sizes.get("network_plus_pubsub")).containsExactly(5, 6, 7);
    assertThat(sizes.get("topic_with_subscription")).containsExactly(2, 3);
    assertThat(sizes.get("network_plus_service_account")).containsExactly(6, 7, 8);
    assertThat(sizes.get("single_secret")).containsExactly(2);
  }

  @Test
  void minAndMaxResourcesAreHonoured() {
    String yaml = """
        providers:
          gcp:
            task_banks:
              composite_resource:
                min_resources: 3
                max_resources: 4
        settings: {validator_sa: v@p.iam.gserviceaccount.com}
        """;
    TaskGenerator g = new TaskGenerator(Fixtures.GCP, new ConfigLoader(Fixtures.GCP, Map.of()).parse(yaml, "test"));
    Set<String> families = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      GeneratedTask t = g.generate(TaskSeed.ofRun(4, i), Selection.ANY);
      assertThat(t.resourceCount()).isBetween(3, 4);
      families.add(t.family());
    }
    assertThat(families).contains("storage_delivery", "network_stack", "network_without_instance", "dns_frontend");
    assertThat(g.excluded()).containsKeys("network_plus_storage", "network_plus_artifacts");
    assertThat(families).doesNotContain("network_plus_storage", "network_plus_artifacts");
  }

  @Test
  void variantsKeepStructureButChangeEveryNameAndCarryTheNonce() {
    for (int i = 0; i < 300; i++) {
      GeneratedTask base = gen.generate(TaskSeed.ofRun(11, i), Fixtures.everySelection().get(i % 43));
      GeneratedTask a = gen.variant(base, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
      GeneratedTask b = gen.variant(base, "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
      GeneratedTask a2 = gen.variant(base, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
      assertThat(TaskJson.line(a.specJson())).isEqualTo(TaskJson.line(a2.specJson()));
      assertThat(a.taskId()).isNotEqualTo(base.taskId()).isNotEqualTo(b.taskId());
      assertThat(a.task().extra().get("kind")).isEqualTo(base.task().extra().get("kind"));
      assertThat(a.task().invariants()).hasSameSizeAs(base.task().invariants());
      String nonce = a.task().extra().get("nonce").asText();
      for (int k = 0; k < base.task().invariants().size(); k++) {
        Invariant x = base.task().invariants().get(k), y = a.task().invariants().get(k), z = b.task().invariants().get(k);
        assertThat(y.resourceType()).isEqualTo(x.resourceType());
        assertThat(y.comparisonRule()).isEqualTo(x.comparisonRule());
        for (String path : x.match().keySet()) {
          if (IdealMiner.nameKind(x.resourceType(), path) != null) {
            assertThat(y.match().get(path)).as(path).isNotEqualTo(x.match().get(path)).isNotEqualTo(z.match().get(path));
          }
          if (path.equals("values.zone") || path.equals("values.location") || path.equals("values.machine_type")) {
            assertThat(y.match().get(path)).isEqualTo(x.match().get(path)); // same difficulty for every miner
          }
        }
        if (Fixtures.GCP.labelledTypes().contains(y.resourceType())) {
          assertThat(y.match().get("values.labels." + TaskGenerator.NONCE_LABEL).asText()).isEqualTo(nonce);
        }
        if (y.match().containsKey("values.metadata_startup_script")) {
          assertThat(y.match().get("values.metadata_startup_script").asText()).contains(a.taskId().substring(0, 6) + "-" + nonce.substring(0, 6));
        }
      }
      assertThat(a.task().extra().get("metadata").get("generator").get("base_task_id").asText()).isEqualTo(base.taskId());
    }
  }

  @Test
  void generatedTokensObeyGcpNamingWithRoomForAnAffix() {
    for (int i = 0; i < 3000; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(21, i), Fixtures.everySelection().get(i % 43));
      for (Invariant inv : t.task().invariants()) {
        for (Map.Entry<String, JsonNode> e : inv.match().entrySet()) {
          NameKind k = IdealMiner.nameKind(inv.resourceType(), e.getKey());
          if (k == null || k == NameKind.DNS_LABEL) continue;
          boolean flex = inv.rule(e.getKey()).map(r -> r != ai.alphacore.core.task.ComparisonRule.EXACT_MATCH).orElse(false);
          assertThat(k.tokenViolations(e.getValue().asText(), flex)).as(inv.resourceType() + " " + e.getValue()).isEmpty();
        }
        if (inv.resourceType().equals("google_storage_bucket") || inv.resourceType().equals("google_artifact_registry_repository")) {
          String r = inv.comparisonRule().values().iterator().next();
          assertThat(r).as("global-ish names always take an affix").isIn("starts_with", "ends_with");
        }
      }
    }
  }

  /** The reference's unwinnable combinations are never generated (B1, B6, secret ref, record-set zone). */
  @Test
  void rulesTheReferenceJudgeCannotFollowAreNeverDrawn() {
    for (int i = 0; i < 4000; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(31, i), Fixtures.everySelection().get(i % 43));
      Task task = t.task();
      boolean sink = task.invariants().stream().anyMatch(x -> x.resourceType().equals("google_logging_project_sink"));
      boolean record = task.invariants().stream().anyMatch(x -> x.resourceType().equals("google_dns_record_set"));
      for (Invariant inv : task.invariants()) {
        String rule = inv.comparisonRule().getOrDefault(inv.resourceType().equals("google_secret_manager_secret") ? "values.secret_id" : "values.name", "");
        if (inv.resourceType().equals("google_compute_network") && task.invariants().size() > 1) assertThat(rule).isNotEqualTo("ends_with");
        if (inv.resourceType().equals("google_secret_manager_secret")) assertThat(rule).isNotEqualTo("ends_with");
        if (inv.resourceType().equals("google_storage_bucket") && sink) assertThat(rule).isEqualTo("starts_with");
        if (inv.resourceType().equals("google_dns_managed_zone") && record) assertThat(rule).isEqualTo("exact_match");
        if (inv.resourceType().equals("google_storage_bucket_iam_member")) assertThat(inv.match()).doesNotContainKey("values.bucket");
      }
    }
  }

  @Test
  void unknownNamesAndDisabledFamiliesAreClearErrors() {
    assertThatThrownBy(() -> gen.generate(TaskSeed.base(1), Selection.family("nope")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown family 'nope'").hasMessageContaining("network_stack");
    assertThatThrownBy(() -> gen.generate(TaskSeed.base(1), Selection.resource("nope")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown resource 'nope'").hasMessageContaining("vpc_network");
    String yaml = """
        providers:
          gcp:
            task_banks:
              composite_resource:
                families:
                  network_stack: {enabled: false, reason: quota}
                  dns_frontend: {enabled: true}
        settings: {validator_sa: v@p.iam.gserviceaccount.com}
        """;
    TaskGenerator g = new TaskGenerator(Fixtures.GCP, new ConfigLoader(Fixtures.GCP, Map.of()).parse(yaml, "test"));
    assertThatThrownBy(() -> g.generate(TaskSeed.base(1), Selection.family("network_stack")))
        .hasMessageContaining("cannot be generated").hasMessageContaining("quota");
    assertThatThrownBy(() -> g.generate(TaskSeed.base(1), Selection.bank(Bank.SINGLE_RESOURCE))).hasMessageContaining("single_resource");
    for (int i = 0; i < 50; i++) assertThat(g.generate(TaskSeed.ofRun(1, i), Selection.ANY).family()).isEqualTo("dns_frontend");
  }

  private static <T> List<T> iter(java.util.Iterator<T> it) {
    List<T> l = new java.util.ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }
}
