package ai.alphacore.validation.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.alphacore.sandbox.backend.BwrapBackend;
import ai.alphacore.sandbox.backend.BwrapConfig;
import ai.alphacore.sandbox.secret.TokenSupplier;
import ai.alphacore.validation.Fixtures;
import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.ValidationService;
import ai.alphacore.validation.client.ValidationApiClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Validation API with {@code verification: terraform-refresh} on the bwrap backend: a
 * {@code terraform_data} resource survives the refresh and is judged from the refreshed state,
 * while attributes the miner forged into its state are replaced by what terraform reads back.
 */
class TerraformRefreshVerificationTest {
  static final Path TERRAFORM = Path.of(System.getenv().getOrDefault("ALPHACORE_TERRAFORM", "/usr/local/bin/terraform"));

  static final String STATE = """
      {"version":4,"terraform_version":"1.11.4","serial":1,"lineage":"l","outputs":{},"resources":[
       {"mode":"managed","type":"terraform_data","name":"x","provider":"provider[\\"terraform.io/builtin/terraform\\"]",
        "instances":[{"schema_version":0,"attributes":{"id":"abc","input":{"value":"hello","type":"string"},
          "output":{"value":"hello","type":"string"},"triggers_replace":null}}]}]}
      """;

  static final String TASK = """
      {"task_id":"tf-refresh-1","invariants":[{"resource_type":"terraform_data","match":{"values.id":"abc"},
       "comparison_rule":{}}]}
      """;

  @Test
  void refreshedStateIsJudged(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(TERRAFORM)) System.err.println("!!! TERRAFORM MISSING: " + TERRAFORM + "; terraform-refresh API test NOT RUN !!!");
    assumeTrue(Files.isExecutable(TERRAFORM), "TERRAFORM MISSING: " + TERRAFORM + " (set ALPHACORE_TERRAFORM)");
    BwrapBackend bwrap = new BwrapBackend(BwrapConfig.defaults().withTerraform(TERRAFORM));
    assertThat(bwrap.health().available()).as(bwrap.health().summary()).isTrue();
    Verification v = new TerraformRefreshVerification(bwrap, TokenSupplier.fixed("ya29.refresh-test-token"), null);
    try (ValidationService api = new ValidationService(Fixtures.config(dir).build(), Clock.systemUTC(), v).bind().initialize()) {
      ValidationApiClient client = new ValidationApiClient(URI.create("http://127.0.0.1:" + api.port()), Fixtures.TOKEN);
      byte[] zip = Fixtures.zip(Map.of("main.tf", "resource \"terraform_data\" \"x\" {\n  input = \"hello\"\n}\n".getBytes(StandardCharsets.UTF_8),
          "terraform.tfstate", STATE.getBytes(StandardCharsets.UTF_8)));
      var job = client.await(client.submit(zip, new ObjectMapper().readTree(TASK), 120), Duration.ofSeconds(180));
      assertThat(job.score()).as(job.raw().toString()).isEqualTo(1.0);
      assertThat(client.log(job.jobId(), 200)).contains("stage refresh OK").doesNotContain("ya29.refresh-test-token");
    }
  }

  @Test
  void aGoogleStateWithoutASandboxNetworkIsTheValidatorsFaultNotAZero(@TempDir Path dir) throws Exception {
    String google = """
        {"version":4,"resources":[{"mode":"managed","type":"google_pubsub_topic","name":"t",
          "provider":"provider[\\"registry.terraform.io/hashicorp/google\\"]","instances":[{"attributes":{"name":"t"}}]}]}
        """;
    Verification v = new TerraformRefreshVerification(new BwrapBackend(BwrapConfig.defaults()), TokenSupplier.fixed("ya29.unused-token"), null);
    try (ValidationService api = new ValidationService(Fixtures.config(dir).build(), Clock.systemUTC(), v).bind().initialize()) {
      ValidationApiClient client = new ValidationApiClient(URI.create("http://127.0.0.1:" + api.port()), Fixtures.TOKEN);
      byte[] zip = Fixtures.zip(Map.of("main.tf", new byte[0], "terraform.tfstate", google.getBytes(StandardCharsets.UTF_8)));
      var job = client.await(client.submit(zip, new ObjectMapper().readTree(TASK), 60), Duration.ofSeconds(90));
      assertThat(job.minerFault()).as(job.raw().toString()).isFalse();
      assertThat(job.raw().toString()).contains("SANDBOX_NO_NETWORK").contains("ALPHACORE_SANDBOX_NETWORK=host");
    }
  }

  @Test
  void aBadNetworkSettingIsAConfigurationError() {
    assertThatThrownBy(() -> Verifications.byName("terraform-refresh", Map.of("ALPHACORE_SANDBOX_NETWORK", "wide-open")))
        .isInstanceOf(ValidationApiException.class)
        .hasMessage("verification terraform-refresh: ALPHACORE_SANDBOX_NETWORK=wide-open is not one of: none, host");
  }
}
