package ai.alphacore.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cli.Cli;
import ai.alphacore.cli.Main;
import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CloudCommandsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir static Path dir;
  static CloudSim sim;
  static Path vector;
  static Path tokenFile;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    vector = Path.of(System.getProperty("alphacore.vectors"), "judge", "0070-ideal-single_pubsub_topic");
    sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir.resolve("sim"), false));
    new StateDeployer(sim.baseUri(), "dev").deploy(MAPPER.readTree(vector.resolve("terraform.tfstate").toFile()), "miner-test-581970");
    tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "dev\n");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.newCommandLine(new Main());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  String task() {
    return vector.resolve("task.json").toString();
  }

  String state() {
    return vector.resolve("terraform.tfstate").toString();
  }

  @Test
  void verifyPassesAgainstCloudsimAndPrintsTheJudgesJson() throws Exception {
    Path rebuilt = dir.resolve("rebuilt.tfstate");
    Run r = run("cloud", "verify", "--task", task(), "--state", state(), "--endpoint", sim.baseUri().toString(),
        "--token-file", tokenFile.toString(), "--json", "--rebuilt-state", rebuilt.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = MAPPER.readTree(r.out());
    assertThat(j.path("status").asText()).isEqualTo("pass");
    assertThat(j.path("score").asDouble()).isEqualTo(1.0);
    assertThat(j.path("verification").path("kind").asText()).isEqualTo("gcp-api");
    assertThat(j.path("verification").path("project").asText()).isEqualTo("miner-test-581970");
    assertThat(j.path("verification").path("api_calls").asInt()).isEqualTo(1);
    assertThat(MAPPER.readTree(rebuilt.toFile()).path("resources").get(0).path("type").asText()).isEqualTo("google_pubsub_topic");
  }

  @Test
  void verifyFailsWhenTheCloudLacksTheResources() {
    Run r = run("cloud", "verify", "--task", task(), "--state", state(), "--endpoint", sim.baseUri().toString(),
        "--token-file", tokenFile.toString(), "--project", "nobody-here-1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("not counted: NOT_OWNED");
  }

  @Test
  void aCommandLineTokenWorksButWarns() {
    Run r = run("cloud", "verify", "--task", task(), "--state", state(), "--endpoint", sim.baseUri().toString(), "--token", "dev");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("visible to other users");
  }

  @Test
  void badInputIsExitTwoWithAClearMessage() {
    Run missing = run("cloud", "verify", "--task", dir.resolve("nope.json").toString(), "--state", state(), "--token-file", tokenFile.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: ").doesNotContain("Exception");
    Run endpoint = run("cloud", "verify", "--task", task(), "--state", state(), "--endpoint", "http://192.0.2.1:80", "--token-file", tokenFile.toString());
    assertThat(endpoint.code()).isEqualTo(2);
    assertThat(endpoint.err()).contains("loopback");
    Run both = run("cloud", "verify", "--task", task(), "--state", state(), "--token", "a", "--token-file", tokenFile.toString());
    assertThat(both.code()).isEqualTo(2);
    Run mode = run("cloud", "verify", "--task", task(), "--state", state(), "--token-file", tokenFile.toString(), "--mode", "fuzzy",
        "--endpoint", sim.baseUri().toString());
    assertThat(mode.code()).isEqualTo(2);
    Run sim = run("cloudsim");
    assertThat(sim.code()).isEqualTo(2);
    assertThat(sim.err()).contains("--data-dir");
  }

  @Test
  void anUnreachableCloudIsAValidatorFaultExitThree() throws Exception {
    int closedPort;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Run r = run("cloud", "verify", "--task", task(), "--state", state(), "--endpoint", "http://127.0.0.1:" + closedPort,
        "--token-file", tokenFile.toString(), "--json");
    assertThat(r.code()).isEqualTo(CloudVerifyCommand.EXIT_VALIDATOR_FAULT);
    JsonNode j = MAPPER.readTree(r.out());
    assertThat(j.path("status").asText()).isEqualTo("validator_fault");
    assertThat(j.path("score").isNull()).isTrue();
    assertThat(j.path("verification").path("faults").get(0).path("code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
  }

  @Test
  void benchRunsOnTheVectors() {
    Run r = run("cloud", "bench", "--vectors", vector.getParent().toString(), "--rounds", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("0070-ideal-single_pubsub_topic").contains("p99").contains("API calls per task");
  }
}
