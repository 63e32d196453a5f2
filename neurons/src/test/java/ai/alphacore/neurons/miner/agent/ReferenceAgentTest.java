package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded tasks from taskgen, solved on an in-process cloudsim, judged from the returned ZIP. */
class ReferenceAgentTest {
  @TempDir static Path dir;
  static CloudSim sim;
  static ReferenceAgent agent;
  static TaskGenerator gen;

  @BeforeAll
  static void start() {
    sim = AgentFixture.startSim(dir.resolve("sim"));
    agent = new ReferenceAgent(AgentFixture.config(sim, dir.resolve("work"), "miner-ref-001", AgentFixture.HOTKEY));
    gen = AgentFixture.generator();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void solvesSeededTasksInStrictAndCompatMode() {
    List<String> failures = new ArrayList<>();
    int n = 60;
    int strictPass = 0;
    int compatPass = 0;
    for (int i = 0; i < n; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(42, i), Selection.ANY);
      Submission s = agent.solve(AgentFixture.request(t));
      Verdict strict = AgentFixture.judge(JudgeMode.STRICT, t, s);
      Verdict compat = AgentFixture.judge(JudgeMode.COMPAT, t, s);
      if (strict.score() == 1.0) strictPass++;
      else failures.add(describe(t, s, strict));
      if (compat.score() == 1.0) compatPass++;
    }
    assertThat(failures).as("strict failures").isEmpty();
    assertThat(strictPass).isEqualTo(n);
    assertThat(compatPass).isEqualTo(n);
  }

  @Test
  void solvesEveryTemplateAndPerMinerVariants() {
    List<String> failures = new ArrayList<>();
    int seed = 0;
    for (String key : gen.templateKeys()) {
      for (int k = 0; k < 3; k++) {
        GeneratedTask base = gen.generate(TaskSeed.ofRun(7, seed++), Selection.resource(key));
        // Variants carry the miner's nonce as a label the prompt asks for.
        GeneratedTask t = k == 2 ? gen.variant(base, AgentFixture.HOTKEY) : base;
        Submission s = agent.solve(AgentFixture.request(t));
        for (JudgeMode m : JudgeMode.values()) {
          Verdict v = AgentFixture.judge(m, t, s);
          if (v.score() != 1.0) failures.add(m + " " + key + ": " + describe(t, s, v));
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void variantPromptsCarryTheNonceLabelIntoTheState() throws Exception {
    GeneratedTask t = gen.variant(gen.generate(TaskSeed.ofRun(8, 1), Selection.family("bucket_with_object")), AgentFixture.HOTKEY);
    String nonce = t.task().extra().path("nonce").asText();
    assertThat(t.prompt()).contains("acore_nonce").contains(nonce);
    Submission s = agent.solve(AgentFixture.request(t));
    var state = AgentFixture.JSON.readTree(AgentFixture.unzip(s.workspaceZip()).get("terraform.tfstate"));
    var bucket = java.util.stream.StreamSupport.stream(state.path("resources").spliterator(), false)
        .filter(r -> r.path("type").asText().equals("google_storage_bucket")).findFirst().orElseThrow();
    assertThat(bucket.path("instances").get(0).path("attributes").path("labels").path("acore_nonce").asText()).isEqualTo(nonce);
  }

  @Test
  void solvingTheSameTaskTwiceReusesWhatTheFirstTryCreated() {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(9, 3), Selection.family("network_plus_storage"));
    Submission first = agent.solve(AgentFixture.request(t));
    Submission second = agent.solve(AgentFixture.request(t));
    assertThat(second.notes()).doesNotContain("failed");
    assertThat(AgentFixture.judge(JudgeMode.STRICT, t, second).score()).isEqualTo(1.0);
    assertThat(AgentFixture.unzip(second.workspaceZip()).get("main.tf")).isEqualTo(AgentFixture.unzip(first.workspaceZip()).get("main.tf"));
  }

  @Test
  void twoMinersGetTheirOwnBucketNamesForTheSameTask() {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(10, 0), Selection.family("single_bucket"));
    ReferenceAgent other = new ReferenceAgent(AgentFixture.config(sim, dir.resolve("work2"), "miner-ref-002", "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"));
    Submission a = agent.solve(AgentFixture.request(t));
    Submission b = other.solve(AgentFixture.request(t));
    assertThat(AgentFixture.judge(JudgeMode.STRICT, t, a).score()).isEqualTo(1.0);
    assertThat(AgentFixture.judge(JudgeMode.STRICT, t, b).score()).as(b.notes()).isEqualTo(1.0);
    String nameA = agent.plan(t.prompt()).resources().get(0).attrs().path("name").asText();
    String nameB = other.plan(t.prompt()).resources().get(0).attrs().path("name").asText();
    assertThat(nameA).isNotEqualTo(nameB);
  }

  /** A hand-written free-text version of a generated prompt (as an LLM rewrite would be), judged against its task. */
  @Test
  void solvesAFreeTextRewriteOfAGeneratedTask() {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(7, 1), Selection.ANY);
    assertThat(t.prompt()).contains("\"r7i52j2svdej\"").contains("\"gbivczirplwdg\"").contains("\"imkhjw0wtxt\"");
    String rewrite = """
        Hi! For the staging sandbox in Google Cloud, please set up the following with Terraform.
        First, a Cloud Storage bucket whose name ends with "r7i52j2svdej" (put a short prefix of your own in front), located in "ASIA-SOUTHEAST1" with storage class "NEARLINE".
        Next, a Pub/Sub topic with a name that starts with "gbivczirplwdg" followed by at least one more character, and message retention duration "900s".
        Finally upload a bucket object named exactly "imkhjw0wtxt" into that bucket, with content "lqic7olb3mir05z4bd" and content type "text/plain".
        Grant validator@example-proj.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository with terraform.tfstate at the repository root.
        """;
    Submission s = agent.solve(new ai.alphacore.neurons.miner.TaskRequest(t.taskId(), rewrite, "v", null));
    assertThat(AgentFixture.judge(JudgeMode.STRICT, t, s).score()).as(s.notes()).isEqualTo(1.0);
  }

  @Test
  void promptsWithoutResourcesGetNoSubmission() {
    assertThat(agent.solve(new ai.alphacore.neurons.miner.TaskRequest("t1", "Please do nothing at all.", "v", null)).workspaceZip()).isNull();
    assertThat(agent.solve(new ai.alphacore.neurons.miner.TaskRequest("t2", null, "v", null)).notes()).contains("no prompt");
    assertThat(agent.solve(new ai.alphacore.neurons.miner.TaskRequest("t3", "1. VM instance: name \"x\".", "v", java.time.Instant.now().minusSeconds(1))).notes())
        .contains("deadline");
  }

  static String describe(GeneratedTask t, Submission s, Verdict v) {
    StringBuilder sb = new StringBuilder(t.family() + " " + t.taskId() + " score " + v.score() + " notes: " + s.notes() + "\n");
    if (v.error() != null) sb.append("  error ").append(v.error()).append('\n');
    for (InvariantResult r : v.invariants()) if (!r.passed()) sb.append("  ").append(r).append('\n');
    sb.append(t.prompt()).append('\n');
    return sb.toString();
  }
}
