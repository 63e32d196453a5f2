package ai.alphacore.sandbox.backend;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What came back from the guest, already redacted.
 *
 * @param exitCode the runner's exit code (0 ok, 11 init failed, 12 refresh failed, 13 no state),
 *     or -1 when the guest was killed or wrote nothing
 * @param killedBy "timeout", "memory", "pids" or null
 * @param stages stages in the order the guest ran them
 * @param state the refreshed terraform.tfstate, or null
 * @param logs terraform output per stage and the console ("console"), capped and redacted
 * @param wall start of the sandbox to its exit, as the host saw it
 */
public record GuestResult(int exitCode, String killedBy, List<GuestStage> stages, byte[] state, Map<String, String> logs, Duration wall) {
  public GuestResult {
    stages = List.copyOf(stages);
    logs = Map.copyOf(logs);
  }
}
