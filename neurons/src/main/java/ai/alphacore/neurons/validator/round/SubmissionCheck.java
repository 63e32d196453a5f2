package ai.alphacore.neurons.validator.round;

import ai.alphacore.bittensor.wire.Synapse;
import ai.alphacore.neurons.protocol.AlphaCoreSynapses;
import ai.alphacore.neurons.validator.evaluation.Attempt;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;

/**
 * What a miner's TaskSynapse answer must satisfy before it is worth evaluating: it arrived,
 * echoes the task id, carries a ZIP in valid base64, within the size limit, matching its own
 * SHA-256 when it states one. Every failure is the miner's.
 */
final class SubmissionCheck {
  private SubmissionCheck() {}

  /** Either the ZIP bytes or the reason there are none. */
  record Checked(byte[] zip, String sha256, Attempt failure, String error) {}

  static Checked check(Synapse response, String taskId, long maxZipBytes) {
    if (response == null || response.dendrite() == null || response.dendrite().statusCode() == null) {
      return fail(Attempt.NO_RESPONSE, "no response");
    }
    int status = response.dendrite().statusCode();
    if (status == 408) return fail(Attempt.TIMEOUT, response.dendrite().statusMessage());
    if (status != 200) return fail(Attempt.NO_RESPONSE, "HTTP " + status + ": " + response.dendrite().statusMessage());
    JsonNode id = response.get("task_id");
    if (id == null || !taskId.equals(id.asText())) return fail(Attempt.TASK_ID_MISMATCH, "answered task " + (id == null ? "none" : id.asText()));
    JsonNode b64 = response.get("workspace_zip_b64");
    if (b64 == null || !b64.isTextual() || b64.textValue().isEmpty()) return fail(Attempt.NO_SUBMISSION_ZIP, "no workspace_zip_b64");
    String text = b64.textValue();
    if ((long) text.length() * 3 / 4 > maxZipBytes + 3) return fail(Attempt.ZIP_TOO_LARGE, "ZIP over " + maxZipBytes + " bytes");
    byte[] zip;
    try {
      zip = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return fail(Attempt.INVALID_BASE64, "workspace_zip_b64 is not valid base64: " + e.getMessage());
    }
    if (zip.length > maxZipBytes) return fail(Attempt.ZIP_TOO_LARGE, "ZIP of " + zip.length + " bytes over " + maxZipBytes);
    String sha = AlphaCoreSynapses.zipSha256(zip);
    JsonNode stated = response.get("workspace_zip_sha256");
    if (stated != null && stated.isTextual() && !stated.textValue().isBlank() && !stated.textValue().equalsIgnoreCase(sha)) {
      return fail(Attempt.ZIP_SHA256_MISMATCH, "stated sha256 " + stated.textValue() + " but the ZIP hashes to " + sha);
    }
    return new Checked(zip, sha, null, null);
  }

  private static Checked fail(Attempt a, String error) {
    return new Checked(null, null, a, error);
  }

}
