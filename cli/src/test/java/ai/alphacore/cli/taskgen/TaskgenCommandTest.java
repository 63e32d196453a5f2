package ai.alphacore.cli.taskgen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskgenCommandTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String HOTKEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  record Run(int rc, String out, String err) {}

  @BeforeEach
  void isolateEnv() {
    TaskgenOptions.env = Map.of();
  }

  @AfterEach
  void restoreEnv() {
    TaskgenOptions.env = System.getenv();
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(rc, out.toString(), err.toString());
  }

  @Test
  void generateIsReproducibleAndPrintsOneTaskSpecPerLine() throws Exception {
    Run a = run("taskgen", "generate", "--seed", "42", "--count", "5", "--json");
    Run b = run("taskgen", "generate", "--seed", "42", "--count", "5");
    assertThat(a.rc()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    List<String> lines = a.out().lines().toList();
    assertThat(lines).hasSize(5);
    for (String l : lines) {
      JsonNode t = M.readTree(l);
      assertThat(t.get("invariants").size()).isPositive();
      assertThat(t.get("prompt").asText()).contains("terraform.tfstate");
    }
    assertThat(run("taskgen", "generate", "--seed", "43", "--count", "5").out()).isNotEqualTo(a.out());
  }

  @Test
  void familyResourceMinerAndFormats() throws Exception {
    JsonNode fam = M.readTree(run("taskgen", "generate", "--family", "dns_network_bridge").out());
    assertThat(fam.get("metadata").get("composition_family").asText()).isEqualTo("dns_network_bridge");
    JsonNode res = M.readTree(run("taskgen", "generate", "--resource", "dns_record_set", "--format", "envelope").out());
    assertThat(res.get("task").get("kind").asText()).isEqualTo("dns managed zone + dns record set");
    JsonNode miner = M.readTree(run("taskgen", "generate", "--family", "single_bucket", "--miner", HOTKEY, "--format", "miner").out());
    assertThat(miner.properties()).extracting(Map.Entry::getKey).containsExactly("task_id", "prompt");
    JsonNode variant = M.readTree(run("taskgen", "generate", "--family", "single_bucket", "--hotkey", HOTKEY).out());
    assertThat(variant.get("metadata").get("generator").get("miner_hotkey").asText()).isEqualTo(HOTKEY);
    assertThat(run("taskgen", "generate", "--format", "prompt").out()).startsWith("# task ").contains("Grant ");
  }

  @Test
  void outWritesTheRepositoryAndVariantRegeneratesFromIt(@TempDir Path dir) throws Exception {
    Run r = run("taskgen", "generate", "--seed", "9", "--count", "3", "--out", dir.toString(), "--json");
    assertThat(r.rc()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    String id = M.readTree(lines.get(0)).get("task_id").asText();
    Path validator = dir.resolve(id).resolve("validator.json");
    assertThat(validator).exists();
    assertThat(dir.resolve(id).resolve("miner.json")).exists();
    Run v = run("taskgen", "variant", "--task", validator.toString(), "--miner", HOTKEY);
    assertThat(v.rc()).as(v.err()).isZero();
    JsonNode vt = M.readTree(v.out());
    assertThat(vt.get("metadata").get("generator").get("base_task_id").asText()).isEqualTo(id);
    Run direct = run("taskgen", "generate", "--seed", "9", "--count", "1", "--miner", HOTKEY);
    assertThat(M.readTree(direct.out())).isEqualTo(vt);
    Run ok = run("taskgen", "check", "--task", validator.toString());
    assertThat(ok.rc()).as(ok.out()).isZero();
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "Please build something in Google Cloud and zip it.");
    Run miss = run("taskgen", "check", "--task", validator.toString(), "--prompt", bad.toString());
    assertThat(miss.rc()).isEqualTo(1);
    assertThat(miss.out()).contains("missing: ");
  }

  @Test
  void badInputExitsTwoWithAClearMessageAndWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("tasks");
    assertBad(run("taskgen", "generate", "--family", "nope", "--out", out.toString()), "unknown family 'nope'", "network_stack");
    assertBad(run("taskgen", "generate", "--resource", "vm", "--out", out.toString()), "unknown resource 'vm'", "compute_instance_basic");
    assertBad(run("taskgen", "generate", "--count", "-3", "--out", out.toString()), "--count is -3", "1..");
    assertBad(run("taskgen", "generate", "--format", "xml"), "--format is 'xml'", "json, prompt");
    assertBad(run("taskgen", "generate", "--bank", "medium"), "--bank is 'medium'", "single, composite");
    assertBad(run("taskgen", "generate", "--family", "network_stack", "--resource", "vpc_network"), "exclude each other", "");
    assertBad(run("taskgen", "generate", "--miner", "not-a-hotkey", "--out", out.toString()), "not an SS58 address", "");
    assertBad(run("taskgen", "generate", "--validator-sa", "nobody"), "not an email", "");
    assertBad(run("taskgen", "generate", "--seed", "abc"), "--seed", "");
    Path yaml = dir.resolve("c.yaml");
    Files.writeString(yaml, "providers: {gcp: {task_banks: [oops");
    assertBad(run("taskgen", "generate", "--config", yaml.toString(), "--out", out.toString()), "malformed YAML", "");
    Files.writeString(yaml, "providers: {gcp: {task_banks: {composite_resource: {families: {foo: {enabled: true}}}}}}\nsettings: {validator_sa: a@b.c}");
    assertBad(run("taskgen", "generate", "--config", yaml.toString()), "unknown family providers.gcp.task_banks.composite_resource.families.foo", "network_stack");
    Files.writeString(yaml, "providers: {gcp: {task_banks: {single_resource: {enabled: false}, composite_resource: {enabled: false}}}}\nsettings: {validator_sa: a@b.c}");
    assertBad(run("taskgen", "generate", "--config", yaml.toString(), "--out", out.toString()), "nothing to generate", "");
    assertBad(run("taskgen", "generate", "--config", dir.resolve("missing.yaml").toString()), "config file not found", "");
    assertThat(out).doesNotExist();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("c.yaml");
    }
  }

  @Test
  void listAndBench() throws Exception {
    Run l = run("taskgen", "list");
    assertThat(l.rc()).isZero();
    assertThat(l.out()).contains("composite_resource:").contains("network_plus_service_account").contains("dns_record_set");
    Run b = run("taskgen", "bench", "--count", "300", "--warmup", "0", "--json");
    assertThat(b.rc()).as(b.err()).isZero();
    JsonNode j = M.readTree(b.out());
    assertThat(j.get("tasks").asInt()).isEqualTo(300);
    assertThat(j.get("tasks_per_second").asLong()).isPositive();
    assertThat(j.get("families").size()).isGreaterThan(10);
  }

  private static void assertBad(Run r, String msg, String allowed) {
    assertThat(r.rc()).as(r.err() + r.out()).isEqualTo(2);
    assertThat(r.err()).contains(msg).contains(allowed).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
