package ai.alphacore.cloud.verify;

import ai.alphacore.core.report.JsonReport;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A verification as JSON: the judge's JSON report for the rebuilt state, plus a
 * {@code verification} object (how it was verified, faults, API calls). On a validator fault
 * there is no verdict: {@code status} is {@code validator_fault} and {@code score} null.
 */
public final class VerificationJson {
  private VerificationJson() {}

  public static ObjectNode toJson(VerificationResult r, String verification, String project) {
    ObjectNode o;
    if (r.verdict() != null) {
      o = JsonReport.toJson(r.verdict());
    } else {
      o = JsonNodeFactory.instance.objectNode();
      o.put("status", "validator_fault");
      o.putNull("score");
      o.put("msg", "verification could not finish on the validator's side; retry later, do not score");
    }
    ObjectNode v = o.putObject("verification");
    v.put("kind", verification);
    v.put("status", r.status().name().toLowerCase(Locale.ROOT));
    v.put("project", project);
    v.put("api_calls", r.apiCalls());
    v.put("elapsed_ms", r.elapsed().toMillis());
    var faults = v.putArray("faults");
    for (Fault f : r.faults()) {
      ObjectNode x = faults.addObject();
      x.put("party", f.party().name().toLowerCase(Locale.ROOT));
      x.put("code", f.code());
      x.put("resource_type", f.resourceType());
      x.put("resource", f.resource());
      x.put("http_status", f.httpStatus());
      x.put("message", f.message());
    }
    return o;
  }
}
