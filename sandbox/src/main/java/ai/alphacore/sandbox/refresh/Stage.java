package ai.alphacore.sandbox.refresh;

import ai.alphacore.sandbox.SandboxError.Fault;
import java.time.Duration;

/**
 * One step of a sandboxed validation ({@code intake}, {@code lint}, {@code init}, {@code refresh},
 * {@code judge}) and how it ended. On failure, {@code code} is stable and {@code fault} says
 * whether the miner or the validator is to blame; a validator fault must never score a miner 0.
 */
public record Stage(String name, Status status, Duration duration, String code, Fault fault, String message) {
  public enum Status { OK, FAILED, SKIPPED }

  public static Stage ok(String name, Duration d) {
    return new Stage(name, Status.OK, d, null, null, null);
  }

  public static Stage failed(String name, Duration d, String code, Fault fault, String message) {
    return new Stage(name, Status.FAILED, d, code, fault, message);
  }

  public static Stage skipped(String name) {
    return new Stage(name, Status.SKIPPED, Duration.ZERO, null, null, null);
  }
}
