package ai.alphacore.neurons.validator.state;

import ai.alphacore.neurons.validator.round.MinerRound;
import ai.alphacore.neurons.validator.round.PairResult;
import ai.alphacore.neurons.validator.round.RoundResult;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A round as JSON: what {@code rounds/<id>.json} holds and what {@code localnet --report} reads. */
public final class RoundSummaries {
  private RoundSummaries() {}

  public static ObjectNode toJson(RoundResult r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("round_id", r.roundId());
    o.put("block", r.block());
    o.put("generated_at", java.time.Instant.now().toString());
    ArrayNode tasks = o.putArray("tasks");
    r.baseTaskIds().forEach(tasks::add);
    ArrayNode miners = o.putArray("miners");
    for (MinerRound m : r.miners()) {
      ObjectNode mo = miners.addObject();
      mo.put("uid", m.uid());
      mo.put("hotkey", m.hotkey());
      mo.put("is_alive", m.alive());
      mo.putObject("handshake").put("miner_version", m.minerVersion()).put("available_capacity", m.capacity());
      if (m.apiAverage() == null) mo.putNull("api_average");
      else mo.put("api_average", m.apiAverage());
      if (m.latencySeconds() == null) mo.putNull("latency_s");
      else mo.put("latency_s", m.latencySeconds());
      mo.put("final_score", m.finalScore());
      ArrayNode ps = mo.putArray("tasks");
      for (PairResult p : m.pairs()) {
        ObjectNode po = ps.addObject();
        po.put("task_id", p.taskId());
        po.put("base_task_id", p.baseTaskId());
        po.put("attempt", p.attempt().wire());
        po.put("validator_fault", p.attempt().validatorFault());
        po.put("score", p.score());
        po.put("latency_s", p.latencySeconds());
        po.put("evaluation_s", p.evaluationSeconds());
        if (p.error() != null) po.put("error", p.error());
        po.put("workspace_zip_sha256", p.zipSha256());
        po.put("workspace_zip_size_bytes", p.zipBytes());
        po.put("ack", p.feedbackAcknowledged());
        po.set("failed_invariants", failedInvariants(p));
      }
    }
    if (r.fastestTopUid() == null) o.putNull("fastest_top_uid");
    else o.put("fastest_top_uid", r.fastestTopUid());
    o.put("settled", r.settled());
    ArrayNode sc = o.putArray("scores_after");
    for (double d : r.scoresAfter()) sc.add(d);
    ObjectNode ph = o.putObject("phase_seconds");
    r.phaseSeconds().forEach(ph::put);
    return o;
  }

  /** {@code resource_type path} of each failed field, from the judge's details when present. */
  public static ArrayNode failedInvariants(PairResult p) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    var invs = p.detail().has("invariants") ? p.detail().get("invariants") : p.detail().path("result").path("invariants");
    for (var inv : invs) {
      if (inv.path("passed").asBoolean(true)) continue;
      boolean any = false;
      for (var f : inv.path("fields")) {
        if (!f.path("passed").asBoolean(true)) {
          out.add(inv.path("resource_type").asText() + " " + f.path("path").asText());
          any = true;
        }
      }
      if (!any) out.add(inv.path("resource_type").asText());
    }
    return out;
  }
}
