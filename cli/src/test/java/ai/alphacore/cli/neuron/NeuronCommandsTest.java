package ai.alphacore.cli.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neuron commands refuse bad setups with a message and exit 2, before touching any network. */
class NeuronCommandsTest {
  record Run(int rc, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(err.toString()).doesNotContain("\tat ");
    return new Run(rc, err.toString());
  }

  @Test
  void minerNeedsAProjectAndAWallet(@TempDir Path dir) {
    Run noProject = run("miner", "--wallet.path", dir.toString());
    assertThat(noProject.rc()).isEqualTo(2);
    assertThat(noProject.err()).contains("--agent.project");
    Run noWallet = run("miner", "--wallet.path", dir.toString(), "--agent.project", "my-project-1");
    assertThat(noWallet.rc()).isEqualTo(2);
    assertThat(noWallet.err()).contains("keyfile not found");
    Run badAgent = run("miner", "--agent.project", "my-project-1", "--agent", "nope", "--wallet.path", dir.toString());
    assertThat(badAgent.rc()).isEqualTo(2);
  }

  @Test
  void validatorNeedsAWalletAndARechableApi(@TempDir Path dir) {
    Run r = run("validator", "--wallet.path", dir.toString(), "--validation-api.endpoint", "http://127.0.0.1:9");
    assertThat(r.rc()).isEqualTo(2);
    assertThat(r.err()).contains("keyfile not found");
  }

  @Test
  void localnetRefusesBadCounts() {
    Run r = run("localnet", "--miners", "0");
    assertThat(r.rc()).isEqualTo(2);
    assertThat(r.err()).contains("--miners");
  }
}
