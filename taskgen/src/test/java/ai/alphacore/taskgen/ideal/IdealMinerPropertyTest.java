package ai.alphacore.taskgen.ideal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.taskgen.Fixtures;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.prompt.CheckResult;
import ai.alphacore.taskgen.prompt.PromptChecker;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Passable by construction: for 10,000 seeded tasks over every family and every template (a
 * third of them per-miner variants), the state an ideal miner would refresh to scores 1.0 in
 * both judge modes, every realized name is valid for GCP, and the prompt checker finds every
 * invariant value (with its rule wording) in the deterministic prompt.
 */
class IdealMinerPropertyTest {
  static final int TASKS = 10_000;
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void idealStateScoresOneInBothModesForTenThousandTasks() throws Exception {
    TaskGenerator gen = Fixtures.generator();
    List<Selection> sels = Fixtures.everySelection();
    IdealMiner miner = new IdealMiner();
    Judge compat = Judge.of(JudgeMode.COMPAT);
    Judge strict = Judge.of(JudgeMode.STRICT);
    PromptChecker checker = new PromptChecker(Fixtures.GCP.providerTerms());
    Map<String, int[]> perLabel = new TreeMap<>(); // label -> {tasks, compat ok, strict ok, prompt ok}
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      Selection sel = sels.get(i % sels.size());
      GeneratedTask t = gen.generate(TaskSeed.ofRun(20260101L, i), sel);
      if (i % 3 == 2) t = gen.variant(t, "5F" + Integer.toString(i, 36) + "HotkeyX");
      ObjectNode state = miner.synthesize(t.task());
      assertThat(IdealMiner.nameViolations(t.task(), state)).as("names of %s", t.taskId()).isEmpty();
      byte[] bytes = M.writeValueAsBytes(state);
      JsonNode spec = t.specJson();
      Verdict c = compat.judge(spec, new ByteArrayInputStream(bytes));
      Verdict s = strict.judge(spec, new ByteArrayInputStream(bytes));
      CheckResult pc = checker.check(t.task(), t.prompt(), t.validatorSa());
      int[] n = perLabel.computeIfAbsent(Fixtures.label(sel), k -> new int[4]);
      if (pc.ok()) n[3]++;
      else if (failures.size() < 20) failures.add(Fixtures.label(sel) + " " + t.taskId() + " prompt: " + pc.problems() + "\n" + t.prompt());
      n[0]++;
      if (c.score() == 1.0) n[1]++;
      if (s.score() == 1.0) n[2]++;
      if ((c.score() != 1.0 || s.score() != 1.0) && failures.size() < 20) {
        failures.add(Fixtures.label(sel) + " " + t.taskId() + " compat=" + c.score() + " " + why(c) + " strict=" + s.score() + " " + why(s)
            + "\n  task=" + spec.path("invariants") + "\n  state=" + state.path("resources"));
      }
    }
    StringBuilder report = new StringBuilder("ideal-miner pass rates (label: tasks, compat 1.0, strict 1.0, prompt check ok)\n");
    perLabel.forEach((k, v) -> report.append(String.format("  %-36s %5d %5d %5d %5d%n", k, v[0], v[1], v[2], v[3])));
    System.out.println(report);
    assertThat(failures).as(report.toString()).isEmpty();
  }

  static String why(Verdict v) {
    List<String> out = new ArrayList<>();
    if (v.error() != null) out.add(v.error().toString());
    for (InvariantResult r : v.invariants()) {
      if (r.passed()) continue;
      for (FieldResult f : r.fields()) if (!f.passed()) out.add(r.resourceType() + " " + f.path() + " " + f.comparator() + " exp=" + f.expected() + " act=" + f.actual());
      out.addAll(r.messages());
    }
    return out.toString();
  }
}
