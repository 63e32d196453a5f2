package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.core.judge.JudgeMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ideal vector of the judge corpus, deployed into cloudsim through its API, verified from
 * live reads: the verdict on the rebuilt state equals the reference's verdict on the ideal state.
 */
class EndToEndTest {
  @TempDir static Path dir;
  static CloudSim sim;
  static GcpVerifier verifier;

  @BeforeAll
  static void start() {
    sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir, false));
    verifier = new GcpVerifier(new GcpHttp(GcpEndpoints.single(sim.baseUri()), new StaticTokenSource("dev", "test")));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static List<Vectors.Vector> ideal() {
    return Vectors.ideal();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ideal")
  void rebuiltStateGetsTheReferenceVerdict(Vectors.Vector v) {
    String project = v.project();
    new StateDeployer(sim.baseUri(), "dev").deploy(v.stateJson(), project);
    VerificationResult r = verifier.verify(v.task(), v.state(), new VerifyRequest(project, null, JudgeMode.COMPAT));
    assertThat(r.status()).as("faults %s", r.faults()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(r.faults()).as("every candidate is found and owned").isEmpty();
    assertThat(r.verdict().status()).as("verdict %s", r.verdict()).isEqualTo(v.expected().path("status").asText());
    assertThat(r.verdict().score()).isEqualTo(v.expected().path("score").asDouble());
    assertThat(r.apiCalls()).isPositive();
  }
}
