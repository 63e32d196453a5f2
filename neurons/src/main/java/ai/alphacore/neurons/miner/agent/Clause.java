package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One "field qualifier value" statement of a resource line, e.g. {@code name that starts with
 * "x" plus a short suffix} or {@code network: the VPC network from item 1, whose name is exactly "y"}.
 *
 * @param field the field words as written ("IP CIDR range", "label acore_nonce")
 * @param value the literal, typed as written: quoted text, bare number, boolean or JSON list
 * @param refItem the 1-based item the value points at, 0 when it is no reference
 */
public record Clause(String field, Qualifier qualifier, JsonNode value, int refItem) {
  public boolean isReference() {
    return refItem > 0;
  }
}
