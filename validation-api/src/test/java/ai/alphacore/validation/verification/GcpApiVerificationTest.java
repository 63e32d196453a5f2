package ai.alphacore.validation.verification;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.Fixtures;
import ai.alphacore.validation.ValidationService;
import ai.alphacore.validation.client.ValidationApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The Validation API with {@code verification: gcp-api} against cloudsim on loopback: the
 * ideal state deployed in the miner's project passes; the same submission for another project
 * fails, since the resources are not that miner's.
 */
class GcpApiVerificationTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void resourcesAreReadFromTheCloudAndMustBeTheMinersOwn(@TempDir Path dir) throws Exception {
    String vector = "0040-ideal-network_plus_pubsub";
    JsonNode state = JSON.readTree(Files.readAllBytes(Fixtures.vectors().resolve(vector).resolve("terraform.tfstate")));
    try (CloudSim sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir.resolve("sim"), false))) {
      String project = ai.alphacore.cloud.verify.GcpVerifier.projectNamedBy(JSON.writeValueAsBytes(state)).orElseThrow();
      new StateDeployer(sim.baseUri(), "dev").deploy(state, project);
      Verification v = Verifications.byName("gcp-api", Map.of("ALPHACORE_GCP_ENDPOINT", sim.baseUri().toString(),
          "GOOGLE_OAUTH_ACCESS_TOKEN", "dev"));
      assertThat(v.trustsMinerState()).isFalse();
      ApiConfig.Builder b = Fixtures.config(dir);
      b.verification = "gcp-api";
      try (ValidationService api = new ValidationService(b.build(), Clock.systemUTC(), v).bind().initialize()) {
        ValidationApiClient client = new ValidationApiClient(URI.create("http://127.0.0.1:" + api.port()), Fixtures.TOKEN);
        byte[] zip = Fixtures.zip(Map.of("main.tf", Fixtures.MAIN_TF.getBytes(StandardCharsets.UTF_8),
            "terraform.tfstate", JSON.writeValueAsBytes(state)));
        ObjectNode task = (ObjectNode) JSON.readTree(Fixtures.vectorTask(vector));
        var mine = client.await(client.submit(zip, task.deepCopy().put("miner_project", project), 60), Duration.ofSeconds(60));
        assertThat(mine.score()).as(mine.raw().toString()).isEqualTo(1.0);
        var theirs = client.await(client.submit(zip, task.deepCopy().put("miner_project", "someone-else"), 60), Duration.ofSeconds(60));
        assertThat(theirs.score()).isZero();
        assertThat(theirs.minerFault()).isTrue();
        var noProject = client.await(client.submit(zip, task, 60), Duration.ofSeconds(60));
        assertThat(noProject.score()).isZero();
        assertThat(noProject.raw().toString()).contains("miner_project");
      }
    }
  }
}
