package ai.alphacore.sandbox.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.guest.CliConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatePrepTest {
  static final String STATE = """
      {"version":4,"outputs":{"leak":{"value":"x"}},"check_results":[],"resources":[
        {"mode":"managed","type":"google_storage_bucket","name":"b","provider":"module.m.provider[\\"registry.terraform.io/hashicorp/google\\"].evil","instances":[]},
        {"mode":"managed","type":"terraform_data","name":"d","provider":"provider[\\"terraform.io/builtin/terraform\\"]","instances":[]}]}
      """;

  @Test
  void bindsEveryResourceToTheValidatorsProviderAndDropsOutputs() throws Exception {
    StatePrep.Prepared p = StatePrep.prepare(STATE.getBytes(StandardCharsets.UTF_8), CliConfig.REFERENCE_PINS);
    JsonNode s = new ObjectMapper().readTree(p.state());
    assertThat(s.path("resources").get(0).path("provider").asText()).isEqualTo("provider[\"registry.terraform.io/hashicorp/google\"]");
    assertThat(s.path("outputs").size()).isZero();
    assertThat(s.has("check_results")).isFalse();
    assertThat(new String(p.config(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"terraform\":{\"required_providers\":{\"google\":{\"source\":\"hashicorp/google\",\"version\":\"7.12.0\"}}},\"provider\":{\"google\":{}}}");
  }

  @Test
  void foreignProvidersAndBrokenStatesAreTheMinersFault() {
    String foreign = STATE.replace("registry.terraform.io/hashicorp/google", "evil.storage.googleapis.com/x/y");
    assertThatThrownBy(() -> StatePrep.prepare(foreign.getBytes(StandardCharsets.UTF_8), CliConfig.REFERENCE_PINS))
        .satisfies(e -> assertThat(((IsolationException) e).code()).isEqualTo(IsolationError.PROVIDER_NOT_ALLOWED));
    for (String bad : new String[] {"not json", "{\"version\":3}", "[]", "{\"version\":4,\"resources\":[{\"type\":\"x\"}]}"}) {
      assertThatThrownBy(() -> StatePrep.prepare(bad.getBytes(StandardCharsets.UTF_8), CliConfig.REFERENCE_PINS))
          .satisfies(e -> assertThat(((IsolationException) e).code()).isEqualTo(IsolationError.BAD_STATE));
      assertThat(IsolationError.BAD_STATE.fault()).isEqualTo(ai.alphacore.sandbox.SandboxError.Fault.MINER);
    }
  }

  @Test
  void cliConfigHasOnlyTheMirror() {
    String rc = CliConfig.render(CliConfig.REFERENCE_PINS, "/opt/alphacore/providers");
    assertThat(rc).contains("filesystem_mirror").contains("\"registry.terraform.io/hashicorp/google\"").doesNotContain("direct {");
  }
}
