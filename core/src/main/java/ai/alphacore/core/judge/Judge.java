package ai.alphacore.core.judge;

import ai.alphacore.core.judge.compat.CompatJudge;
import ai.alphacore.core.judge.strict.StrictJudge;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.task.TaskReader;
import ai.alphacore.core.tfstate.StateLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Checks a task's invariants against a Terraform state and explains the verdict. Thread-safe;
 * one instance can judge many submissions.
 */
public final class Judge {
  private final JudgeMode mode;
  private final TaskReader taskReader;
  private final CompatJudge compat;
  private final StrictJudge strict;

  private Judge(JudgeMode mode, StateLimits stateLimits) {
    this.mode = mode;
    this.taskReader = new TaskReader();
    this.compat = mode == JudgeMode.COMPAT ? new CompatJudge(stateLimits) : null;
    this.strict = mode == JudgeMode.STRICT ? new StrictJudge(stateLimits) : null;
  }

  public static Judge of(JudgeMode mode) {
    return new Judge(mode, StateLimits.STATE);
  }

  public static Judge of(JudgeMode mode, StateLimits stateLimits) {
    return new Judge(mode, stateLimits);
  }

  public JudgeMode mode() {
    return mode;
  }

  /** Judges the task file against the state file (which may be missing: that is a verdict too). */
  public Verdict judge(Path task, Path state) {
    JsonNode root;
    try {
      root = taskReader.readForJudge(task);
    } catch (TaskFormatException e) {
      return taskError(e);
    }
    return judge(root, StateSource.of(state));
  }

  /** Judges documents already in memory, as the Validation API holds them after intake. */
  public Verdict judge(byte[] task, byte[] state) {
    JsonNode root;
    try {
      root = taskReader.readForJudge(task);
    } catch (TaskFormatException e) {
      return taskError(e);
    }
    return judge(root, StateSource.of(state));
  }

  public Verdict judge(JsonNode task, java.io.InputStream state) {
    return judge(task, () -> state);
  }

  public Verdict judge(JsonNode task, Path state) {
    return judge(task, StateSource.of(state));
  }

  /** Judges a parsed task document (any JSON; bad shapes give an error verdict). */
  public Verdict judge(JsonNode task, StateSource state) {
    try {
      return mode == JudgeMode.COMPAT ? compat.judge(task, state) : strict.judge(task, state);
    } catch (RuntimeException e) {
      return Verdict.error("unknown", mode, Verdict.ERROR, "internal judge error",
          new JudgeError(ErrorCode.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  /** A task that cannot even be parsed: status "error" in both modes (the reference raises). */
  public Verdict taskError(TaskFormatException e) {
    return Verdict.error("unknown", mode, Verdict.ERROR, e.getMessage(), new JudgeError(e.code(), e.getMessage()));
  }
}
