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
      // Each stage is timed in /metrics, by outcome: intake and lint passed, the sandbox's init failed.
      String m = Fixtures.get(api.port(), "/metrics", Fixtures.TOKEN).body();
      assertThat(m).containsPattern("alphacore_validation_stage_seconds_count\\{outcome=\"ok\",stage=\"intake\",verification=\"terraform-refresh\"} 1")
          .containsPattern("alphacore_validation_stage_seconds_count\\{outcome=\"ok\",stage=\"lint\",[^}]*} 1")
          .containsPattern("alphacore_validation_stage_seconds_count\\{outcome=\"failed\",stage=\"sandbox_init\",[^}]*} 1")
          .containsPattern("alphacore_validation_stage_seconds_count\\{outcome=\"failed\",stage=\"verify\",[^}]*} 1");
    }
  }

  @Test
  void aBadNetworkSettingIsAConfigurationError() {
    assertThatThrownBy(() -> Verifications.byName("terraform-refresh", Map.of("ALPHACORE_SANDBOX_NETWORK", "wide-open")))
        .isInstanceOf(ValidationApiException.class)
        .hasMessage("verification terraform-refresh: ALPHACORE_SANDBOX_NETWORK=wide-open is not one of: none, host");
  }

  /**
   * The production shape end to end: the API's terraform-refresh on the qemu backend with a
   * network, so the VM reaches the gateway's proxy over its TAP (here a gateway with no uplink:
   * the proxy answers and filters, nothing lies beyond). A fake terraform in the guest writes the
   * proxy's answer into the state it returns, and the task passes only on the filter's 403.
   */
  @Test
  void qemuGuestGetsTheSandboxNetworkThroughTheApi(@TempDir Path dir) throws Exception {
    Path guestDir = Files.createDirectories(dir.resolve("guest"));
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(guestDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Path fake = dir.resolve("terraform");
    Files.writeString(fake, """
        #!/bin/sh
        case "$1" in
          init) echo "initialized (fake)";;
          apply) p=${https_proxy#http://}
                 code=$(printf 'CONNECT evil.example.com:443 HTTP/1.0\\r\\n\\r\\n' | nc -w 5 "${p%:*}" "${p##*:}" | head -1 | cut -d' ' -f2)
                 sed "s/\\"hello\\"/\\"proxy-$code\\"/g" /workspace-src/terraform.tfstate > terraform.tfstate;;
        esac
        """);
    Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    var guest = ai.alphacore.sandbox.guest.GuestImageBuilder.busyboxIn(guestDir, fake);
    var qemu = ai.alphacore.sandbox.backend.QemuBackend.withGuest(guest);
    assertThat(qemu.health().available()).as(qemu.health().summary()).isTrue();
    try (var gw = ai.alphacore.sandbox.network.GatewayNamespace.start("api" + ProcessHandle.current().pid(),
        ai.alphacore.sandbox.network.NetPolicy.DEFAULT, ai.alphacore.sandbox.network.Uplink.isolated())) {
      Verification v = new TerraformRefreshVerification(qemu, TokenSupplier.fixed("ya29.qemu-api-token"), gw::attach);
      try (ValidationService api = new ValidationService(Fixtures.config(dir.resolve("api")).build(), Clock.systemUTC(), v).bind().initialize()) {
        ValidationApiClient client = new ValidationApiClient(URI.create("http://127.0.0.1:" + api.port()), Fixtures.TOKEN);
        byte[] zip = Fixtures.zip(Map.of("main.tf", "resource \"terraform_data\" \"x\" {\n  input = \"hello\"\n}\n".getBytes(StandardCharsets.UTF_8),
            "terraform.tfstate", STATE.getBytes(StandardCharsets.UTF_8)));
        String task = "{\"task_id\":\"vm-net\",\"invariants\":[{\"resource_type\":\"terraform_data\",\"match\":{\"values.input.value\":\"proxy-403\"}}]}";
        var job = client.await(client.submit(zip, new ObjectMapper().readTree(task), 120), Duration.ofSeconds(180));
        assertThat(job.score()).as(job.raw().toString()).isEqualTo(1.0);
        assertThat(client.log(job.jobId(), 200)).contains("sandbox qemu stage refresh OK").doesNotContain("ya29.qemu-api-token");
      }
    }
  }
}
