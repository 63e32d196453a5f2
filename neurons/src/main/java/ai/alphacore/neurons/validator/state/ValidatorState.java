package ai.alphacore.neurons.validator.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What a validator must remember across restarts (the reference wrote state.npz and never read
 * it back): EMA scores with their hotkeys, counters, the last epoch weights were set in, and a
 * pending weight commit. Written atomically: a crash leaves the old file or the new one.
 */
public record ValidatorState(
    @JsonProperty("step") long step,
    @JsonProperty("hotkeys") List<String> hotkeys,
    @JsonProperty("scores") double[] scores,
    @JsonProperty("tasks_completed") long tasksCompleted,
    @JsonProperty("last_emit_epoch") long lastEmitEpoch,
    @JsonProperty("pending_commit") PendingCommit pendingCommit) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A hash commit waiting for its reveal. */
  public record PendingCommit(
      @JsonProperty("epoch") long epoch,
      @JsonProperty("uids") List<Integer> uids,
      @JsonProperty("weights") List<Integer> weights,
      @JsonProperty("salt") List<Integer> salt) {}

  public static ValidatorState empty() {
    return new ValidatorState(0, List.of(), new double[0], 0, -1, null);
  }

  /** The saved state, or empty when there is none; a corrupt file is an error, not a silent reset. */
  public static ValidatorState load(Path file) throws IOException {
    if (!Files.exists(file)) return empty();
    try {
      return JSON.readValue(file.toFile(), ValidatorState.class);
    } catch (IOException e) {
      throw new IOException("validator state " + file + " is unreadable (" + e.getMessage() + "); move it aside to start from zero", e);
    }
  }

  public void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
