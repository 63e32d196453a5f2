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

  static String describe(GeneratedTask t, Submission s, Verdict v) {
    StringBuilder sb = new StringBuilder(t.family() + " " + t.taskId() + " score " + v.score() + " notes: " + s.notes() + "\n");
    if (v.error() != null) sb.append("  error ").append(v.error()).append('\n');
    for (InvariantResult r : v.invariants()) if (!r.passed()) sb.append("  ").append(r).append('\n');
    sb.append(t.prompt()).append('\n');
    return sb.toString();
  }
}
