package ai.alphacore.validation.verification;

import ai.alphacore.cloud.verify.CloudVerifier;
import ai.alphacore.cloud.verify.Fault;
import ai.alphacore.cloud.verify.VerificationResult;
import ai.alphacore.cloud.verify.VerifyRequest;
import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code verification: gcp-api}: no miner code runs. The submitted state only names candidate
 * resources; each is read live from the cloud with the validator's read-only token, rebuilt,
 * and judged. Resources must live in the project registered for the miner, which the validator
 * puts in the task as {@code miner_project} (never taken from the state: a state can name
 * anyone's project), and carry the per-miner nonce of a variant task.
 */
public final class GcpApiVerification implements Verification {
  public static final String NAME = "gcp-api";
  static final String STATE_FILE = "terraform.tfstate";

  private final CloudVerifier cloud;

  public GcpApiVerification(CloudVerifier cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean trustsMinerState() {
    return false;
  }

  @Override
  public Readiness readiness() {
    return cloud.unreadyReason().map(e -> new Readiness(false, e)).orElse(Readiness.READY);
  }

  @Override
  public Verdict verify(VerificationContext ctx) throws VerificationException {
    JsonNode spec = ctx.task().has("task") && ctx.task().get("task").isObject() ? ctx.task().get("task") : ctx.task();
    String project = text(ctx.task(), "miner_project");
    if (project == null) project = text(spec, "miner_project");
    if (project == null) {
      throw new VerificationException("NO_MINER_PROJECT", false,
          "the task names no miner_project: the validator must say which project this miner registered", null);
    }
    String nonce = spec.path("metadata").path("generator").path("miner_hotkey").isTextual() ? text(spec, "nonce") : null;
    byte[] state = ctx.workspace().file(STATE_FILE).orElse(null);
    ctx.log().line("verification gcp-api: reading the resources the state names from the cloud, project " + project
        + (nonce == null ? "" : ", nonce required"));
    VerificationResult r = cloud.verify(ctx.task(), state == null ? new byte[0] : state,
        new VerifyRequest(project, nonce, ctx.judge().mode(), ctx.deadline().at()));
    for (Fault f : r.faults()) ctx.log().line(f.party() + " " + f.code() + " " + f.resource() + ": " + f.message());
    ctx.log().line("verification gcp-api: " + r.apiCalls() + " API calls in " + r.elapsed().toMillis() + " ms");
    if (r.status() == VerificationResult.Status.VALIDATOR_FAULT) {
      Fault f = r.validatorFaults().isEmpty() ? null : r.validatorFaults().get(0);
      throw new VerificationException(f == null ? "CLOUD_FAULT" : f.code(), false,
          f == null ? "the cloud could not be read" : f.message(), null);
    }
    return r.verdict();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
  }
}
