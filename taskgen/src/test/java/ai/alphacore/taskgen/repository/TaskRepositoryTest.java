package ai.alphacore.taskgen.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.core.task.Task;
import ai.alphacore.taskgen.Fixtures;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.TaskJson;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRepositoryTest {
  @Test
  void roundTripKeepsComparisonRulesAndEveryField(@TempDir Path dir) throws Exception {
    TaskGenerator gen = Fixtures.generator();
    TaskRepository repo = new TaskRepository(dir);
    for (int i = 0; i < 43; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(77, i), Fixtures.everySelection().get(i));
      Path d = repo.save(t);
      assertThat(d).isEqualTo(dir.resolve(t.taskId()));
      Task back = repo.load(t.taskId()).orElseThrow();
      assertThat(TaskJson.line(back.toJson())).isEqualTo(TaskJson.line(t.specJson()));
      assertThat(back.invariants()).isEqualTo(t.task().invariants());
      JsonNode miner = repo.loadMinerJson(t.taskId()).orElseThrow();
      assertThat(miner.get("prompt").asText()).isEqualTo(t.prompt());
      assertThat(miner.has("invariants")).isFalse();
      assertThat(miner.toString()).doesNotContain("comparison_rule");
    }
    assertThat(repo.list()).hasSize(43);
    try (var s = Files.walk(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).isZero();
    }
    String id = repo.list().get(0);
    assertThat(repo.delete(id)).isTrue();
    assertThat(repo.load(id)).isEmpty();
    assertThatThrownBy(() -> repo.load("../etc")).hasMessageContaining("not a task id");
  }
}
