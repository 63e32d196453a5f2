package ai.alphacore.cloud.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Verifies a submission against a live cloud without running any miner code: the miner's state
 * only names candidate resources; their attributes are read from the cloud, rebuilt into a
 * Terraform state and judged. Provider-neutral; {@code GcpVerifier} is the Google Cloud one.
 */
public interface CloudVerifier {
  /** The {@code verification} value this verifier serves, e.g. {@code gcp-api}. */
  String name();

  /**
   * Never throws for miner input: a broken state or task is a verdict, and a failed read is a
   * fault in the result. Throws {@link ai.alphacore.cloud.CloudError} only for bad configuration.
   */
  VerificationResult verify(JsonNode task, byte[] minerState, VerifyRequest request);

  /** Why verifications cannot run now (e.g. no token can be minted), or empty when they can. */
  default java.util.Optional<String> unreadyReason() {
    return java.util.Optional.empty();
  }
}
