package ai.alphacore.taskgen.repository;

import ai.alphacore.core.task.Task;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.task.TaskReader;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.TaskJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files per task, as the reference lays them out: {@code <base>/<task_id>/miner.json} (what a
 * miner may see) and {@code validator.json} (TerraformTask with the full TaskSpec). Each file is
 * written to a temporary name and moved into place, so a reader never sees half a task; reading
 * back keeps every field, {@code comparison_rule} included (the reference drops it).
 */
public final class TaskRepository {
  private static final Pattern TASK_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path base;
  private final TaskReader reader = new TaskReader();

  public TaskRepository(Path base) {
    this.base = base;
  }

  public Path base() {
    return base;
  }

  /** Writes both files; returns the task's directory. */
  public Path save(GeneratedTask t) {
    Path dir = dir(t.taskId());
    try {
      Files.createDirectories(dir);
      write(dir.resolve("validator.json"), TaskJson.pretty(t.validatorJson()));
      write(dir.resolve("miner.json"), TaskJson.pretty(t.minerJson()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write task " + t.taskId() + " under " + base + ": " + e.getMessage(), e);
    }
  }

  /** The validator's task (TaskSpec) read back from validator.json; empty when absent. */
  public Optional<Task> load(String taskId) throws TaskFormatException {
    Path f = dir(taskId).resolve("validator.json");
    if (!Files.exists(f)) return Optional.empty();
    return Optional.of(Task.fromJson(reader.readTree(f)));
  }

  /** The raw validator.json document. */
  public Optional<JsonNode> loadValidatorJson(String taskId) throws TaskFormatException {
    Path f = dir(taskId).resolve("validator.json");
    return Files.exists(f) ? Optional.of(reader.readTree(f)) : Optional.empty();
  }

  public Optional<JsonNode> loadMinerJson(String taskId) throws TaskFormatException {
    Path f = dir(taskId).resolve("miner.json");
    return Files.exists(f) ? Optional.of(reader.readTree(f)) : Optional.empty();
  }

  /** Task ids present, sorted. */
  public List<String> list() {
    if (!Files.isDirectory(base)) return List.of();
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(base)) {
      s.filter(p -> TASK_ID.matcher(p.getFileName().toString()).matches() && Files.exists(p.resolve("validator.json")))
          .forEach(p -> out.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  public boolean delete(String taskId) {
    Path dir = dir(taskId);
    try {
      boolean any = Files.deleteIfExists(dir.resolve("miner.json")) | Files.deleteIfExists(dir.resolve("validator.json"));
      Files.deleteIfExists(dir);
      return any;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path dir(String taskId) {
    if (!TASK_ID.matcher(taskId).matches()) throw new IllegalArgumentException("not a task id: '" + taskId + "' (expected a lowercase uuid)");
    return base.resolve(taskId);
  }

  private static void write(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
