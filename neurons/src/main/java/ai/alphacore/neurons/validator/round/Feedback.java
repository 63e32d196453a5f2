package ai.alphacore.neurons.validator.round;

import ai.alphacore.neurons.validator.scoring.FinalScores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What miners are told: per-invariant results as suggestions, the attempt, the round summary. */
final class Feedback {
  private Feedback() {}

  /**
   * One line per failed invariant field, from the judge's details when the evaluator returned
   * them (a better answer than the reference's bare "validation submitted").
   */
  static ArrayNode suggestions(JsonNode detail) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode inv : detail.path("invariants")) {
      if (inv.path("passed").asBoolean(true)) continue;
      for (JsonNode f : inv.path("fields")) {
        if (f.path("passed").asBoolean(true)) continue;
        out.add(inv.path("resource_type").asText() + " " + f.path("path").asText() + ": expected "
            + f.path("expected") + (f.path("rule").isTextual() ? " (" + f.path("rule").asText() + ")" : ""));
      }
      if (inv.path("fields").isEmpty()) out.add(inv.path("resource_type").asText() + ": " + inv.path("messages").path(0).asText(""));
    }
    return out;
  }

  static ObjectNode attempt(PairResult p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", p.attempt().wire());
    o.put("score", p.score());
    if (p.error() != null) o.put("error", p.error());
    if (p.zipSha256() != null) o.put("zip_sha256", p.zipSha256());
    return o;
  }

  static ObjectNode summary(PairResult p, FinalScores.Result finals, String latencyMode) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("miner_uid", p.uid());
    o.put("miner_api_score", p.score());
    o.put("miner_latency_s", p.latencySeconds());
    o.put("final_score", finals.finals().getOrDefault(p.uid(), 0.0));
    Integer w = finals.fastestTopUid();
    if (w == null) o.putNull("winner_uid");
    else o.put("winner_uid", w);
    o.put("latency_mode", latencyMode);
    return o;
  }
}
