package ai.alphacore.validation.verification;

import ai.alphacore.validation.ValidationApiException;

/** Picks a verification by its configuration name. */
public final class Verifications {
  private Verifications() {}

  public static Verification byName(String name) {
    return switch (name) {
      case StateVerification.NAME -> new StateVerification();
      case "sandbox", "gcp-api" -> throw new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID,
          "verification '" + name + "' is not available in this build yet (only 'state')");
      default -> throw new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID,
          "unknown verification '" + name + "' (expected state)");
    };
  }
}
