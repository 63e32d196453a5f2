package ai.alphacore.cloud.verify;

/**
 * Something that kept a resource from counting, or kept the whole verification from finishing.
 *
 * @param party whose fault: the miner's resources do not count; a validator fault voids the run
 * @param code stable code, e.g. {@code NOT_FOUND}, {@code FORBIDDEN}, {@code NOT_OWNED}, {@code RATE_LIMITED}
 * @param resource the resource as the miner named it (type and ids), or "" for the run as a whole
 * @param httpStatus the HTTP status behind it, 0 when no call was made or none answered
 */
public record Fault(Party party, String code, String resourceType, String resource, int httpStatus, String message) {
  public enum Party {
    MINER,
    VALIDATOR
  }
}
