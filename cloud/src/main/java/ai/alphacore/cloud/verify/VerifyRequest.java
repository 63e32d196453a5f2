package ai.alphacore.cloud.verify;

import ai.alphacore.cloud.CloudError;
import ai.alphacore.core.judge.JudgeMode;
import java.time.Instant;

/**
 * Who is verified and how.
 *
 * @param project the cloud project the miner registered for this task (resources elsewhere do not count)
 * @param nonce the per-miner nonce resources must carry, or null when the task has none
 * @param mode the judge to run on the rebuilt state
 * @param deadline when reads must stop (null: none); passing it is a validator fault, never a 0
 */
public record VerifyRequest(String project, String nonce, JudgeMode mode, Instant deadline) {
  public VerifyRequest(String project, String nonce, JudgeMode mode) {
    this(project, nonce, mode, null);
  }

  public VerifyRequest {
    if (project == null || !project.matches("^[a-z][-a-z0-9]{4,28}[a-z0-9]$")) {
      throw new CloudError(CloudError.Code.BAD_PROJECT, "project must be a GCP project id (6-30 lowercase letters, digits, hyphens), got '" + project + "'");
    }
    if (nonce != null && !nonce.matches("^[a-z0-9_-]{4,63}$")) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, "nonce must be 4-63 lowercase letters, digits, '_' or '-' (it is matched as a label value)");
    }
    if (mode == null) mode = JudgeMode.COMPAT;
  }
}
