package ai.alphacore.cloud.verify;

import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one verification.
 *
 * @param status JUDGED: {@code verdict} scores the miner. VALIDATOR_FAULT: reads failed on our side
 *     (see {@code faults}); {@code verdict} is null and the submission must be retried, not scored
 * @param rebuiltState the Terraform state rebuilt from live reads (what the judge read)
 * @param apiCalls HTTP requests sent, retries included
 */
public record VerificationResult(
    Status status, JsonNode rebuiltState, Verdict verdict, List<Fault> faults, int apiCalls, Duration elapsed) {
  public enum Status {
    JUDGED,
    VALIDATOR_FAULT
  }

  public VerificationResult {
    faults = List.copyOf(faults);
  }

  public List<Fault> validatorFaults() {
    return faults.stream().filter(f -> f.party() == Fault.Party.VALIDATOR).toList();
  }
}
