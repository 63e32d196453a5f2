package ai.alphacore.core.judge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One checked path of one invariant against one candidate resource.
 *
 * @param rule the comparison rule in force ({@code exact_match} when none was given)
 * @param comparator the comparison applied, e.g. {@code NAMERULE}, {@code REF}, {@code STRICT}
 */
public record FieldResult(
    String path,
    JsonNode expected,
    JsonNode actual,
    String rule,
    String comparator,
    boolean passed,
    String message) {}
