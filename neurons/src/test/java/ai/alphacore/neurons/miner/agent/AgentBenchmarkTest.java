package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentBenchmarkTest {
  @TempDir Path dir;

  @Test
  void reportsPassRatesPerFamilyAndTimePerTask() {
    AgentBenchmark.Result r = AgentBenchmark.run(new AgentBenchmark.Options(8, 5, 0, null, false), AgentFixture.generator(), dir, null);
    assertThat(r.all().tasks()).isEqualTo(8);
    assertThat(r.all().strictPass()).as(r.failures().toString()).isEqualTo(8);
    assertThat(r.families().values().stream().mapToInt(AgentBenchmark.Stats::tasks).sum()).isEqualTo(8);
    StringWriter w = new StringWriter();
    AgentBenchmark.print(r, new PrintWriter(w));
    assertThat(w.toString()).contains("reference agent: 8 tasks").contains("all").contains("time per task");
    assertThat(AgentBenchmark.json(r).path("strict_pass").asInt()).isEqualTo(8);
  }

  @Test
  void theSloppyAgentScoresBelowTheReference() {
    AgentBenchmark.Result r = AgentBenchmark.run(new AgentBenchmark.Options(12, 6, 0, null, true), AgentFixture.generator(), dir, null);
    assertThat(r.all().strictPass()).isLessThan(12);
    assertThat(r.all().strictScore()).isGreaterThan(0);
  }
}
