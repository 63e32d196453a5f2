package ai.alphacore.core.judge.compat;

import static ai.alphacore.core.judge.compat.CompatComparators.ci;
import static ai.alphacore.core.judge.compat.CompatComparators.name;
import static ai.alphacore.core.judge.compat.CompatComparators.ref;
import static ai.alphacore.core.judge.compat.CompatComparators.rule;
import static ai.alphacore.core.judge.compat.CompatComparators.script;
import static ai.alphacore.core.judge.compat.CompatComparators.substrCi;
import static ai.alphacore.core.judge.compat.PyValues.eq;
import static ai.alphacore.core.judge.compat.PyValues.str;
import static ai.alphacore.core.judge.compat.PyValues.truthy;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.tfstate.AttributePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The reference's per-resource-type checks (validation.md 2.4), row by row: for each match path,
 * the first applicable row decides the comparator. Quirks are kept and named in the comparator
 * label, so a verdict shows which reference behaviour decided it.
 */
final class CompatChecks {
  private CompatChecks() {}

  /** Attributes some checks read beside the invariant's own paths. */
  static final java.util.Set<String> EXTRA_ATTRIBUTES = java.util.Set.of("md5hash", "permissions", "allow",
      "network_interface", "expiration_policy", "message_retention_duration");

  /** A comparator decision: did it pass, under which label. */
  private record Decision(boolean passed, String comparator, JsonNode actual) {}

  /** Rule lookup as each reference validator does it. */
  private static final class Rules {
    final JsonNode raw; // null when the key is absent (defaults to {})

    Rules(JsonNode raw) {
      this.raw = raw;
    }

    /** {@code (comparison_rule or {}).get(path)}: named-field validators tolerate null. */
    JsonNode tolerant(String path) {
      if (raw == null || !truthy(raw)) return null;
      if (!raw.isObject()) throw new CompatCrash("'" + pyType(raw) + "' object has no attribute 'get'");
      return raw.get(path);
    }

    /** {@code comparison_rule.get(path, default)}: the default and bucket validators crash on null. */
    JsonNode direct(String path, String dflt) {
      if (raw == null) return com.fasterxml.jackson.databind.node.TextNode.valueOf(dflt);
      if (!raw.isObject()) throw new CompatCrash("'" + pyType(raw) + "' object has no attribute 'get'");
      JsonNode r = raw.get(path);
      return r == null ? com.fasterxml.jackson.databind.node.TextNode.valueOf(dflt) : r;
    }
  }

  static String pyType(JsonNode n) {
    if (n == null || n.isNull()) return "NoneType";
    if (n.isArray()) return "list";
    if (n.isTextual()) return "str";
    if (n.isBoolean()) return "bool";
    if (n.isIntegralNumber()) return "int";
    if (n.isNumber()) return "float";
    return "dict";
  }

  private static String ruleName(JsonNode r) {
    if (r == null || r.isNull()) return null;
    return r.isTextual() ? r.textValue() : str(r);
  }

  /** Checks one invariant ({@code match}, raw {@code comparison_rule}) on one candidate. */
  static CandidateCheck check(String type, JsonNode match, JsonNode comparisonRule, JsonNode attrs) {
    if (!match.isObject()) throw new CompatCrash("'" + pyType(match) + "' object has no attribute 'items'");
    Rules rules = new Rules(comparisonRule);
    List<FieldResult> fields = new ArrayList<>();
    boolean all = true;
    boolean firewall = "google_compute_firewall".equals(type);
    for (Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      if (firewall && path.startsWith("values.allow.")) continue; // checked by the allow block test
      JsonNode expected = e.getValue();
      JsonNode actual = AttributePath.resolve(attrs, path);
      Decision d = decide(type, path, expected, actual, rules, match, attrs);
      String ruleLabel = ruleLabel(type, path, rules);
      fields.add(field(path, expected, d, ruleLabel));
      all &= d.passed;
    }
    if (firewall && match.has("values.allow.0.protocol")) {
      FieldResult allow = firewallAllow(match, attrs);
      fields.add(allow);
      all &= allow.passed();
    }
    return new CandidateCheck(all, fields);
  }

  private static String ruleLabel(String type, String path, Rules rules) {
    if (rules.raw == null || !rules.raw.isObject()) return "exact_match";
    String r = ruleName(rules.raw.get(path));
    return r == null ? "exact_match" : r;
  }

  private static FieldResult field(String path, JsonNode expected, Decision d, String rule) {
    String msg = d.passed ? null : path + ": expected '" + PyValues.strOrEmpty(expected) + "', got '" + (d.actual == null || d.actual.isNull() ? "None" : str(d.actual)) + "'";
    return new FieldResult(path, expected, d.actual, rule, d.comparator, d.passed, msg);
  }

  private static Decision strict(JsonNode a, JsonNode e) {
    return new Decision(eq(a, e), "STRICT", a);
  }

  /** NAMERULE: RULE when a (truthy) rule is given for the path, else NAME (implicit prefix). */
  private static Decision nameRule(JsonNode a, JsonNode e, String path, Rules rules) {
    JsonNode r = rules.tolerant(path);
    if (truthy(r)) return new Decision(rule(a, e, ruleName(r)), "RULE", a);
    return new Decision(name(a, e), "NAME", a);
  }

  /** RULE when a rule is given for the path, else REF. */
  private static Decision ruleOrRef(JsonNode a, JsonNode e, String path, Rules rules) {
    JsonNode r = rules.tolerant(path);
    if (truthy(r)) return new Decision(rule(a, e, ruleName(r)), "RULE", a);
    return new Decision(ref(a, e), "REF", a);
  }

  private static Decision decide(
      String type, String path, JsonNode e, JsonNode a, Rules rules, JsonNode match, JsonNode attrs) {
    switch (type) {
      case "google_compute_network" -> {
        if (path.endsWith(".name")) return nameRule(a, e, path, rules);
        return strict(a, e);
      }
      case "google_compute_subnetwork" -> {
        // QUIRK ref-rule-ignored (B1): the network reference ignores comparison_rule.
        if (path.endsWith(".network")) return new Decision(ref(a, e), "REF", a);
        if (path.endsWith(".name")) return nameRule(a, e, path, rules);
        if (path.endsWith(".region")) return new Decision(ci(a, e), "CI", a);
        return strict(a, e);
      }
      case "google_compute_instance" -> {
        return instance(path, e, a, rules, attrs);
      }
      case "google_compute_firewall" -> {
        if (path.endsWith(".network")) return new Decision(ref(a, e), "REF", a);
        if (path.endsWith(".direction")) return new Decision(ci(a, e), "CI", a);
        if (path.endsWith(".name")) return nameRule(a, e, path, rules);
        return strict(a, e);
      }
      case "google_dns_managed_zone" -> {
        if (path.endsWith(".name")) return nameRule(a, e, path, rules);
        if (path.endsWith(".dns_name")) return new Decision(dnsName(a).equals(dnsName(e)), "DNS_NAME", a);
        if (path.endsWith(".visibility")) return new Decision(ci(a, e), "CI", a);
        return strict(a, e);
      }
      case "google_dns_record_set" -> {
        // QUIRK rule-ignored (B3/B11): every record-set field ignores comparison_rule.
        if (path.endsWith(".rrdatas")) {
          return new Decision(PyValues.sortedStrings(a).equals(PyValues.sortedStrings(e)), "MULTISET", a);
        }
        return strict(a, e);
      }
      case "google_cloud_scheduler_job" -> {
        if (path.endsWith(".pubsub_target.0.topic_name")) return new Decision(ref(a, e), "REF", a);
        return strict(a, e);
      }
      case "google_pubsub_topic" -> {
        if (path.endsWith(".name")) return nameRule(a, e, path, rules);
        if (path.endsWith(".message_retention_duration")) return strict(a, e);
        if (path.endsWith(".retain_acked_messages")) return topicRetain(a, e, match, attrs);
        return strict(a, e);
      }
      case "google_pubsub_subscription" -> {
        if (path.endsWith(".name")) return nameRule(a, e, path, rules);
        if (path.endsWith(".topic")) return ruleOrRef(a, e, path, rules);
        if (path.endsWith(".ttl")) {
          // QUIRK ttl-any-path (B12): any path ending in .ttl reads expiration_policy.
          JsonNode c = AttributePath.resolve(attrs, "values.expiration_policy.ttl");
          if (c.isNull()) c = AttributePath.resolve(attrs, "values.expiration_policy.0.ttl");
          if (c.isNull()) c = a;
          return new Decision(eq(c, e), "STRICT", c);
        }
        if (path.endsWith(".retain_acked_messages")) {
          // QUIRK truthy-bool (B7): the string "false" is truthy.
          return new Decision(truthy(a) == truthy(e), "TRUTHY", a);
        }
        return strict(a, e);
      }
      case "google_artifact_registry_repository" -> {
        if (path.endsWith(".repository_id") || path.endsWith(".name")) return nameRule(a, e, path, rules);
        if (path.endsWith(".format") || path.endsWith(".location")) return new Decision(ci(a, e), "CI", a);
        return strict(a, e);
      }
      case "google_secret_manager_secret" -> {
        if (path.endsWith(".secret_id") || path.endsWith(".name")) return nameRule(a, e, path, rules);
        return strict(a, e);
      }
      case "google_secret_manager_secret_version" -> {
        if (path.endsWith(".secret")) return new Decision(ref(a, e), "REF", a);
        if (path.endsWith(".secret_data")) return new Decision(secretData(a, e), "SECRET_DATA", a);
        return strict(a, e);
      }
      case "google_secret_manager_secret_iam_member" -> {
        if (path.endsWith(".secret_id")) return new Decision(ref(a, e), "REF", a);
        if (path.endsWith(".member")) return new Decision(substrCi(a, e), "SUBSTR_CI", a);
        return strict(a, e);
      }
      case "google_service_account_iam_member" -> {
        if (path.endsWith(".service_account_id")) return new Decision(substrCi(a, e) || ref(a, e), "SUBSTR_CI|REF", a);
        if (path.endsWith(".member")) return new Decision(substrCi(a, e), "SUBSTR_CI", a);
        return strict(a, e);
      }
      case "google_storage_bucket" -> {
        if (path.endsWith(".name")) {
          // QUIRK bucket-rule-no-name: RULE with default exact_match, never NAME; crashes on null rules.
          return new Decision(rule(a, e, ruleName(rules.direct(path, "exact_match"))), "RULE", a);
        }
        if (path.endsWith(".storage_class") || path.endsWith(".location")) return new Decision(ci(a, e), "CI", a);
        return strict(a, e);
      }
      case "google_storage_bucket_object" -> {
        if (path.endsWith(".content")) return new Decision(objectContent(a, e, attrs), "CONTENT|MD5", a);
        if (path.endsWith(".bucket")) return ruleOrRef(a, e, path, rules);
        return strict(a, e);
      }
      case "google_project_iam_member", "google_storage_bucket_iam_member" -> {
        // QUIRK bucket-iam-strict (B2): bucket compared with STRICT, so "b/<name>" never matches.
        if (path.endsWith(".member")) return new Decision(substrCi(a, e), "SUBSTR_CI", a);
        return strict(a, e);
      }
      case "google_project_iam_custom_role" -> {
        if (path.endsWith(".permissions.0")) {
          JsonNode perms = AttributePath.resolve(attrs, "values.permissions");
          String es = str(e);
          boolean ok = false;
          if (es != null && !es.isEmpty()) {
            for (JsonNode p : PyValues.iterateOrEmpty(perms)) ok |= es.equals(str(p));
          }
          return new Decision(ok, "MEMBERSHIP", perms);
        }
        return strict(a, e);
      }
      default -> {
        // google_service_account, google_logging_project_sink and unknown types.
        return new Decision(rule(a, e, ruleName(rules.direct(path, "exact_match"))), "RULE", a);
      }
    }
  }

  private static Decision instance(String path, JsonNode e, JsonNode a, Rules rules, JsonNode attrs) {
    if (path.endsWith(".machine_type")) return new Decision(ref(a, e) || ci(a, e), "REF|CI", a);
    if (path.endsWith(".subnetwork")) return nicRef(path, "values.network_interface.0.subnetwork", e, a, rules, attrs);
    if (path.endsWith(".network")) return nicRef(path, "values.network_interface.0.network", e, a, rules, attrs);
    if (path.endsWith(".name")) return nameRule(a, e, path, rules);
    if (path.contains("metadata_startup_script")) return new Decision(script(a, e), "SCRIPT", a);
    return strict(a, e);
  }

  private static Decision nicRef(String path, String nicPath, JsonNode e, JsonNode a, Rules rules, JsonNode attrs) {
    JsonNode c = a;
    if (c.isNull() && !path.equals(nicPath)) c = AttributePath.resolve(attrs, nicPath);
    return ruleOrRef(c, e, path, rules);
  }

  /** dns_name: lower-cased, one trailing dot stripped. */
  private static String dnsName(JsonNode n) {
    String s = PyValues.lower(PyValues.strOrEmpty(n));
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static Decision topicRetain(JsonNode a, JsonNode e, JsonNode match, JsonNode attrs) {
    if (!a.isNull()) return strict(a, e);
    if (!truthy(e)) return new Decision(false, "RETAIN_STANDIN", a);
    // QUIRK retain-standin (B12): retention being set stands in for retain_acked_messages.
    JsonNode state = AttributePath.resolve(attrs, "values.message_retention_duration");
    JsonNode want = match.get("values.message_retention_duration");
    boolean ok = want == null ? truthy(state) : eq(state, want);
    return new Decision(ok, "RETAIN_STANDIN", a);
  }

  private static boolean secretData(JsonNode a, JsonNode e) {
    String es = PyValues.strOrEmpty(e);
    String as = PyValues.strOrEmpty(a);
    if (as.equals(es)) return true;
    byte[] raw = PyValues.b64decodeValidated(as);
    if (raw == null) return false;
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString().equals(es);
    } catch (java.nio.charset.CharacterCodingException x) {
      return false;
    }
  }

  /** QUIRK content-trusted (S5): the state's content is accepted before md5hash is looked at. */
  private static boolean objectContent(JsonNode a, JsonNode e, JsonNode attrs) {
    String es = PyValues.strOrEmpty(e);
    String as = str(a);
    if (as != null && as.equals(es)) return true;
    String md5 = PyValues.strOrEmpty(AttributePath.resolve(attrs, "values.md5hash"));
    return !md5.isEmpty() && md5.equals(md5Base64(es));
  }

  static String md5Base64(String s) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException x) {
      throw new IllegalStateException(x);
    }
  }

  /** Firewall allow test: any allow block with the protocol (STRICT) and, if given, the port. */
  private static FieldResult firewallAllow(JsonNode match, JsonNode attrs) {
    JsonNode proto = match.get("values.allow.0.protocol");
    JsonNode port = match.get("values.allow.0.ports.0");
    JsonNode allow = AttributePath.resolve(attrs, "values.allow");
    boolean ok = false;
    {
      for (JsonNode block : PyValues.iterateOrEmpty(allow)) {
        if (!block.isObject()) throw new CompatCrash("'" + pyType(block) + "' object has no attribute 'get'");
        if (!eq(block.has("protocol") ? block.get("protocol") : NullNode.getInstance(), proto)) continue;
        if (port == null) {
          ok = true;
          break;
        }
        String want = str(port);
        for (JsonNode p : PyValues.iterateOrEmpty(block.get("ports"))) {
          if (want == null ? p.isNull() : want.equals(str(p))) ok = true;
        }
        if (ok) break;
      }
    }
    String desc = "allow " + PyValues.strOrEmpty(proto) + (port == null ? "" : "/" + PyValues.strOrEmpty(port));
    // QUIRK firewall-any-block (B10): other allow.N and ports.1+ keys are not checked at all.
    return new FieldResult("values.allow", proto, allow, "exact_match", "ALLOW_ANY_BLOCK", ok,
        ok ? null : "values.allow: expected " + desc + ", got " + PyValues.repr(allow));
  }
}
