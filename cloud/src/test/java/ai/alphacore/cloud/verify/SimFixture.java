package ai.alphacore.cloud.verify;

import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.cloudsim.SimClient;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.core.judge.JudgeMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh cloudsim per test, a dev client, and a verifier pointed at it. */
abstract class SimFixture {
  @TempDir Path dir;
  CloudSim sim;
  SimClient dev;

  boolean iam() {
    return false;
  }

  @BeforeEach
  void startSim() {
    sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir, iam()));
    dev = new SimClient(sim.baseUri(), iam() ? sim.adminToken() : "dev");
  }

  @AfterEach
  void stopSim() {
    sim.close();
  }

  GcpVerifier verifier(String token) {
    return new GcpVerifier(new GcpHttp(GcpEndpoints.single(sim.baseUri()), new StaticTokenSource(token, "test")));
  }

  VerificationResult verify(Vectors.Vector v, byte[] minerState, String project) {
    return verifier(iam() ? sim.adminToken() : "dev").verify(v.task(), minerState, new VerifyRequest(project, null, JudgeMode.COMPAT));
  }

  void deploy(JsonNode state, String project) {
    new StateDeployer(sim.baseUri(), iam() ? sim.adminToken() : "dev").deploy(state, project);
  }

  /** A copy of the state with every instance's attributes passed through {@code edit}. */
  static JsonNode edit(JsonNode state, String type, Consumer<ObjectNode> edit) {
    JsonNode s = state.deepCopy();
    for (JsonNode r : s.path("resources")) {
      if (!r.path("type").asText().equals(type)) continue;
      for (JsonNode i : r.path("instances")) edit.accept((ObjectNode) i.path("attributes"));
    }
    return s;
  }

  /** A copy of the state with every {@code project} attribute (and self link) moved to {@code to}. */
  static JsonNode moveProject(JsonNode state, String from, String to) {
    try {
      String s = Vectors.MAPPER.writeValueAsString(state).replace(from, to);
      return Vectors.MAPPER.readTree(s);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode n) {
    return GcpVerifier.bytes(n);
  }

  static boolean passed(VerificationResult r, String type) {
    return r.verdict().invariants().stream().filter(i -> i.resourceType().equals(type)).allMatch(i -> i.passed());
  }

  static boolean hasFault(VerificationResult r, String code, String type) {
    return r.faults().stream().anyMatch(f -> f.code().equals(code) && f.resourceType().equals(type));
  }
}
