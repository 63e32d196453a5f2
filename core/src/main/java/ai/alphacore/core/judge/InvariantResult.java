package ai.alphacore.core.judge;

import java.util.List;

/**
 * The verdict on one invariant. {@code candidate} is the address of the resource that satisfied
 * it, or of the closest candidate (most fields passing) when none did; null when there was none.
 */
public record InvariantResult(
    int index,
    String resourceType,
    Outcome outcome,
    String candidate,
    int candidatesConsidered,
    List<FieldResult> fields,
    List<String> messages) {

  public boolean passed() {
    return outcome == Outcome.PASS;
  }
}
