package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloppyAgentTest {
  @TempDir Path dir;

  @Test
  void losesSomeInvariantsButNotAll() {
    TaskGenerator gen = AgentFixture.generator();
    try (CloudSim sim = AgentFixture.startSim(dir.resolve("sim"))) {
      SloppyAgent sloppy = new SloppyAgent(AgentFixture.config(sim, dir.resolve("work"), "miner-sloppy-01", "sloppy-hotkey"));
      int passed = 0;
      int total = 0;
      int partial = 0;
      int perfect = 0;
      for (int i = 0; i < 30; i++) {
        GeneratedTask t = gen.generate(TaskSeed.ofRun(77, i), Selection.ANY);
        Submission s = sloppy.solve(AgentFixture.request(t));
        Verdict v = AgentFixture.judge(JudgeMode.STRICT, t, s);
        passed += v.passed();
        total += v.total();
        if (v.score() > 0 && v.score() < 1) partial++;
        if (v.score() == 1.0) perfect++;
        // One mistake per task at most: a multi-resource task keeps all but one invariant.
        if (t.resourceCount() > 1) assertThat(v.passed()).as(s.notes()).isGreaterThanOrEqualTo(v.total() - 1);
      }
      assertThat(passed).isLessThan(total).isGreaterThan(total / 2);
      assertThat(partial).isGreaterThan(0);
      assertThat(perfect).isLessThan(30);
    }
  }

  @Test
  void theMistakeDependsOnlyOnTheTaskId() {
    TaskGenerator gen = AgentFixture.generator();
    Planner planner = new Planner(new Naming("m"));
    GeneratedTask t = gen.generate(TaskSeed.ofRun(78, 0), Selection.family("network_plus_storage"));
    Plan plan = planner.plan(new PromptParser().parse(t.prompt()), "miner-sloppy-01");
    Plan a = SloppyAgent.spoil(t.taskId(), plan);
    Plan b = SloppyAgent.spoil(t.taskId(), planner.plan(new PromptParser().parse(t.prompt()), "miner-sloppy-01"));
    assertThat(a.notes()).isEqualTo(b.notes()).anyMatch(n -> n.startsWith("sloppy:"));
    assertThat(a.resources().toString()).isEqualTo(b.resources().toString()).isNotEqualTo(plan.resources().toString());
  }
}
