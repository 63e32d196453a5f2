package ai.alphacore.taskgen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.taskgen.Fixtures;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String SA = "\nsettings: {validator_sa: v@p.iam.gserviceaccount.com}\n";
  private final ConfigLoader loader = new ConfigLoader(Fixtures.GCP, Map.of());

  private TaskgenConfig parse(String yaml) {
    return loader.parse(yaml, "test.yaml");
  }

  @Test
  void bundledConfigEnablesEveryFamilyAndKeepsLlmOff() {
    TaskgenConfig c = Fixtures.defaultConfig();
    TaskGenerator g = new TaskGenerator(Fixtures.GCP, c);
    assertThat(g.excluded()).isEmpty();
    assertThat(g.plans().get(Bank.COMPOSITE_RESOURCE)).hasSize(16);
    assertThat(g.plans().get(Bank.SINGLE_RESOURCE)).hasSize(6);
    assertThat(c.llm().enabled()).isFalse();
    assertThat(c.repositoryPath()).isEqualTo(Path.of("./tasks"));
  }

  @Test
  void absentMapsMeanDefaultsAndPresentMapsAreWhitelists() {
    TaskGenerator all = new TaskGenerator(Fixtures.GCP, parse("providers: {gcp: {enabled: true}}" + SA));
    assertThat(all.plans()).containsKeys(Bank.SINGLE_RESOURCE, Bank.COMPOSITE_RESOURCE);
    TaskGenerator only = new TaskGenerator(Fixtures.GCP, parse("""
        providers:
          gcp:
            task_banks:
              single_resource:
                resources: [compute_instance_basic, artifact_repository, pubsub_topic]
        """ + SA));
    assertThat(only.plans()).containsOnlyKeys(Bank.SINGLE_RESOURCE);
    Set<String> fams = new HashSet<>();
    for (int i = 0; i < 300; i++) fams.add(only.generate(TaskSeed.ofRun(2, i), Selection.ANY).family());
    assertThat(fams).containsExactlyInAnyOrder("single_vm", "single_artifact_repo", "single_pubsub_topic");
  }

  @Test
  void disablingABankOrOmittingFamiliesNeverCrashes() {
    TaskGenerator g = new TaskGenerator(Fixtures.GCP, parse("""
        providers:
          gcp:
            task_banks:
              single_resource: {enabled: false}
              composite_resource: {}
        """ + SA));
    assertThat(g.plans()).containsOnlyKeys(Bank.COMPOSITE_RESOURCE);
    assertThat(g.plans().get(Bank.COMPOSITE_RESOURCE)).hasSize(16);
  }

  @Test
  void nothingToGenerateIsAClearError() {
    assertThatThrownBy(() -> new TaskGenerator(Fixtures.GCP, parse("""
        providers:
          gcp:
            task_banks:
              single_resource: {enabled: false}
              composite_resource: {enabled: false}
        """ + SA))).isInstanceOf(ConfigException.class).hasMessageContaining("nothing to generate");
    assertThatThrownBy(() -> new TaskGenerator(Fixtures.GCP, parse("""
        providers:
          gcp:
            task_banks:
              composite_resource: {min_resources: 9}
        """ + SA))).hasMessageContaining("nothing to generate").hasMessageContaining("min_resources/max_resources");
    assertThatThrownBy(() -> parse("providers: {gcp: {enabled: false}}" + SA)).hasMessageContaining("nothing to generate");
  }

  @Test
  void badInputNamesTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> parse("providers: {gcp: {task_bankz: {}}}" + SA))
        .hasMessageContaining("providers.gcp.task_bankz").hasMessageContaining("allowed: enabled, task_banks");
    assertThatThrownBy(() -> parse("providers: {gcp: {task_banks: {composite_resource: {families: {netwrk_stack: {enabled: true}}}}}}" + SA))
        .hasMessageContaining("unknown family providers.gcp.task_banks.composite_resource.families.netwrk_stack").hasMessageContaining("network_stack");
    assertThatThrownBy(() -> parse("providers: {gcp: {task_banks: {single_resource: {resources: [vm]}}}}" + SA))
        .hasMessageContaining("single_resource.resources").hasMessageContaining("compute_instance_basic");
    assertThatThrownBy(() -> parse("providers: {gcp: {task_banks: {composite_resource: {min_resources: 5, max_resources: 2}}}}" + SA))
        .hasMessageContaining("min_resources (5) is greater than max_resources (2)");
    assertThatThrownBy(() -> parse("providers: {gcp: {task_banks: {composite_resource: {max_resources: two}}}}" + SA))
        .hasMessageContaining("max_resources must be an integer");
    assertThatThrownBy(() -> parse("providers: {aws: {enabled: true}}" + SA)).hasMessageContaining("no templates for aws");
    assertThatThrownBy(() -> parse("providers: {gcp: {enabled: yes please}}" + SA)).hasMessageContaining("providers.gcp.enabled must be true or false");
    assertThatThrownBy(() -> parse("providers: [gcp" + SA)).hasMessageContaining("malformed YAML");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> parse("providers: {gcp: {}}\nsettings: {validator_sa: nobody}")).hasMessageContaining("not an email");
    assertThatThrownBy(() -> parse("providers: {gcp: {}}\nsettings: {validator_sa: a@b.c, llm: {api_key: sk-123}}"))
        .hasMessageContaining("api_key_env").hasMessageNotContaining("sk-123");
    assertThatThrownBy(() -> parse("providers: {gcp: {}}\nsettings: {validator_sa: a@b.c, llm: {base_url: ftp://x}}"))
        .hasMessageContaining("settings.llm.base_url");
    assertThatThrownBy(() -> new TaskGenerator(Fixtures.GCP, parse("""
        providers:
          gcp:
            task_banks:
              composite_resource:
                families:
                  network_stack: {resources: [vpc_network]}
        """ + SA))).hasMessageContaining("must include the mandatory templates");
  }

  @Test
  void environmentOverridesDeploymentSettingsAndTheKeyIsNeverPrinted() {
    ConfigLoader withEnv = new ConfigLoader(Fixtures.GCP, Map.of("ALPHACORE_VALIDATOR_SA", "val@x.iam.gserviceaccount.com",
        "ALPHACORE_LLM_MODEL", "m2", "ALPHACORE_LLM_BASE_URL", "http://127.0.0.1:9/v1", "ALPHACORE_LLM_ENABLED", "true",
        "ALPHACORE_LLM_API_KEY", "sk-secret-value"));
    TaskgenConfig c = withEnv.parse("providers: {gcp: {}}" + SA, "t");
    assertThat(c.validatorSa()).isEqualTo("val@x.iam.gserviceaccount.com");
    assertThat(c.llm().enabled()).isTrue();
    assertThat(c.llm().model()).isEqualTo("m2");
    assertThat(c.llm().apiKey()).isEqualTo("sk-secret-value");
    assertThat(c.llm().toString()).doesNotContain("sk-secret-value");
    assertThat(c.toString()).doesNotContain("sk-secret-value");
  }

  @Test
  void familyResourcesNarrowTheOptionalPool(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, """
        providers:
          gcp:
            task_banks:
              composite_resource:
                families:
                  artifact_delivery: {resources: [artifact_repository, pubsub_topic]}
        """ + SA);
    TaskGenerator g = new TaskGenerator(Fixtures.GCP, loader.load(f));
    for (int i = 0; i < 100; i++) {
      assertThat(g.generate(TaskSeed.ofRun(6, i), Selection.ANY).task().extra().get("metadata").get("resource_keys").toString())
          .isEqualTo("[\"artifact_repository\",\"pubsub_topic\"]");
    }
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"))).hasMessageContaining("config file not found");
  }
}
