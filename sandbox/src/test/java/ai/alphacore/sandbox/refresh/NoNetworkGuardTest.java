package ai.alphacore.sandbox.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.SandboxError.Fault;
import ai.alphacore.sandbox.backend.BwrapConfig;
import ai.alphacore.sandbox.testing.Fixtures;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A state whose provider must reach its cloud cannot be refreshed by a sandbox without a network:
 * that is the validator's misconfiguration, reported before a token is minted or a sandbox
 * started, never a refresh failure the miner would be scored 0 for.
 */
class NoNetworkGuardTest {
  static final String GOOGLE_STATE = """
      {"version":4,"resources":[{"mode":"managed","type":"google_pubsub_topic","name":"t",
        "provider":"provider[\\"registry.terraform.io/hashicorp/google\\"]","instances":[{"attributes":{"name":"t"}}]}]}
      """;

  @Test
  void cloudProvidersWithoutANetworkAreAValidatorFault() throws Exception {
    AtomicInteger minted = new AtomicInteger();
    RefreshOptions o = Fixtures.bwrapOptions(BwrapConfig.defaults()).withTokens(() -> {
      minted.incrementAndGet();
      return ai.alphacore.sandbox.secret.Secret.of("ya29.never-needed-0123456789");
    });
    RefreshResult r = TerraformRefresh.run(Fixtures.zip(Map.of("main.tf", "", "terraform.tfstate", GOOGLE_STATE)), null, o);
    Stage f = r.failure();
    assertThat(f.name()).isEqualTo("init");
    assertThat(f.code()).isEqualTo("SANDBOX_NO_NETWORK");
    assertThat(r.fault()).isEqualTo(Fault.VALIDATOR);
    assertThat(f.message()).contains("registry.terraform.io/hashicorp/google", "ALPHACORE_SANDBOX_NETWORK=host");
    assertThat(minted).hasValue(0);
  }

  @Test
  void offlineProvidersNeedNoNetwork() throws Exception {
    StatePrep.Prepared p = StatePrep.prepare(("{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":\"random_id\",\"name\":\"r\","
        + "\"provider\":\"provider[\\\"registry.terraform.io/hashicorp/random\\\"]\",\"instances\":[]}]}").getBytes(), Map.of(
        "registry.terraform.io/hashicorp/random", "3.7.2"));
    assertThat(p.online()).isEmpty();
  }
}
