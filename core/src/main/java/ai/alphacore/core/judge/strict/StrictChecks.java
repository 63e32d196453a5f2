package ai.alphacore.core.judge.strict;

import static ai.alphacore.core.judge.strict.StrictComparators.text;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.tfstate.AttributePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict checks of one invariant against one candidate's attributes. */
final class StrictChecks {
  private static final Pattern ALLOW = Pattern.compile("values\\.allow\\.(\\d+)\\.(protocol|ports\\.(\\d+))");

  private StrictChecks() {}

  /** Result of one candidate: every field, and whether all passed. */
  record Check(boolean passed, List<FieldResult> fields) {
    long passedFields() {
      return fields.stream().filter(FieldResult::passed).count();
    }
  }

  /**
   * @param inherited rules that reference fields inherit from the names they point at (B1, B6)
   */
  static Check check(Invariant inv, JsonNode attrs, Map<String, ComparisonRule> inherited) {
    List<FieldResult> fields = new ArrayList<>();
    boolean firewall = "google_compute_firewall".equals(inv.resourceType());
    Map<Integer, ObjectNode> allowBlocks = new TreeMap<>();
    for (Map.Entry<String, JsonNode> m : inv.match().entrySet()) {
      String path = m.getKey();
      JsonNode expected = m.getValue();
      Matcher am = ALLOW.matcher(path);
      if (firewall && am.matches()) {
        ObjectNode b = allowBlocks.computeIfAbsent(Integer.parseInt(am.group(1)), k -> JsonNodeFactory.instance.objectNode());
        if (am.group(3) == null) b.set("protocol", expected);
        else b.withArray("ports").add(expected);
        continue;
      }
      FieldKind kind = StrictSchema.kind(inv.resourceType(), path);
      ComparisonRule rule = ruleFor(inv, path, kind, expected, inherited);
      JsonNode actual = AttributePath.resolve(attrs, path, true);
      fields.add(compare(kind, path, expected, actual, rule, attrs));
    }
    if (!allowBlocks.isEmpty()) fields.add(FirewallAllow.check(new ArrayList<>(allowBlocks.values()), AttributePath.resolve(attrs, "values.allow", true)));
    boolean all = fields.stream().allMatch(FieldResult::passed);
    return new Check(all, fields);
  }

  private static ComparisonRule ruleFor(Invariant inv, String path, FieldKind kind, JsonNode expected, Map<String, ComparisonRule> inherited) {
    var explicit = inv.rule(path);
    if (explicit.isPresent()) return explicit.get();
    if ((kind == FieldKind.REFERENCE || kind == FieldKind.SERVICE_ACCOUNT_REF) && expected.isTextual()) {
      ComparisonRule r = inherited.get(StrictComparators.lastSegment(expected.textValue()));
      if (r != null) return r;
    }
    return ComparisonRule.EXACT_MATCH;
  }

  private static FieldResult compare(FieldKind kind, String path, JsonNode e, JsonNode a, ComparisonRule rule, JsonNode attrs) {
    JsonNode shown = a;
    boolean ok;
    switch (kind) {
      case NAME -> ok = text(e) != null && text(e).contains("/")
          ? StrictComparators.reference(a, e, rule)
          : text(a) != null && text(e) != null
              ? StrictComparators.applyRule(StrictComparators.lastSegment(text(a)), text(e), rule)
              : StrictComparators.typedEq(a, e);
      case REFERENCE -> ok = StrictComparators.reference(a, e, rule);
      case SERVICE_ACCOUNT_REF -> ok = StrictComparators.serviceAccountRef(a, e, rule);
      case ENUM -> ok = StrictComparators.enumCi(a, e);
      case MACHINE_TYPE -> ok = StrictComparators.machineType(a, e);
      case SCRIPT -> ok = StrictComparators.script(a, e);
      case DNS_NAME -> ok = StrictComparators.dnsName(a, e, rule);
      case RRDATAS -> ok = StrictComparators.rrdatas(a, e);
      case MEMBER -> ok = StrictComparators.member(a, e);
      case SECRET_DATA -> ok = StrictComparators.secretData(a, e);
      case CONTENT -> {
        // Only the md5hash is read back from the cloud; the state's content is the miner's word (S5).
        shown = AttributePath.resolve(attrs, "values.md5hash");
        ok = text(e) != null && text(shown) != null && text(shown).equals(StrictComparators.md5Base64(text(e)));
      }
      case PERMISSION -> {
        shown = AttributePath.resolve(attrs, "values.permissions");
        boolean found = false;
        if (shown.isArray()) for (JsonNode p : shown) found |= StrictComparators.typedEq(p, e);
        ok = found;
      }
      case BOOL_DEFAULT_FALSE -> ok = StrictComparators.boolDefaultFalse(a, e);
      case TTL -> {
        if (a.isNull()) shown = AttributePath.resolve(attrs, "values.expiration_policy.ttl");
        ok = StrictComparators.typedEq(shown, e);
      }
      default -> ok = StrictComparators.typedEq(a, e);
    }
    String msg = ok ? null : path + ": expected " + describe(e, rule, kind) + ", got " + (shown == null || shown.isNull() ? "nothing" : shown.toString());
    return new FieldResult(path, e, shown, rule.wire(), kind.name(), ok, msg);
  }

  private static String describe(JsonNode e, ComparisonRule rule, FieldKind kind) {
    return switch (rule) {
      case STARTS_WITH -> "a value starting with " + e;
      case ENDS_WITH -> "a value ending with " + e;
      default -> kind == FieldKind.CONTENT ? "content " + e + " (by md5hash)" : e.toString();
    };
  }
}
