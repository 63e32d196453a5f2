package ai.alphacore.taskgen.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GCP naming rules per identifier kind (length, characters, reserved words), used to check both
 * generated tokens and the names a miner would build from them.
 */
public enum NameKind {
  /** Compute Engine resources (RFC 1035): networks, subnetworks, firewalls, instances. */
  COMPUTE(1, 63, "[a-z]([-a-z0-9]*[a-z0-9])?"),
  /** Cloud Storage buckets: global namespace; dots allowed, no "goog" prefix, no "google". */
  BUCKET(3, 63, "[a-z0-9][-a-z0-9_.]*[a-z0-9]"),
  BUCKET_OBJECT(1, 1024, "[^\\r\\n#\\[\\]*?]+"),
  ARTIFACT_REPOSITORY(1, 63, "[a-z]([-a-z0-9]*[a-z0-9])?"),
  /** Pub/Sub topic and subscription ids: start with a letter, no "goog" prefix. */
  PUBSUB(3, 255, "[A-Za-z][-A-Za-z0-9_.~+%]*"),
  DNS_ZONE(1, 63, "[a-z]([-a-z0-9]*[a-z0-9])?"),
  DNS_LABEL(1, 63, "[a-z0-9]([-a-z0-9]*[a-z0-9])?"),
  SECRET(1, 255, "[A-Za-z0-9_-]+"),
  SERVICE_ACCOUNT(6, 30, "[a-z]([-a-z0-9]*[a-z0-9])"),
  SCHEDULER_JOB(1, 500, "[A-Za-z0-9_-]+"),
  LOGGING_SINK(1, 100, "[A-Za-z0-9_.-]+"),
  CUSTOM_ROLE(3, 64, "[a-zA-Z0-9_.]+");

  /** Longest affix a miner is told it may add to a starts_with/ends_with token. */
  public static final int AFFIX_HEADROOM = 12;

  private final int min;
  private final int max;
  private final Pattern pattern;

  NameKind(int min, int max, String regex) {
    this.min = min;
    this.max = max;
    this.pattern = Pattern.compile(regex);
  }

  public int max() {
    return max;
  }

  /** Why {@code name} is not a valid identifier of this kind; empty when it is. */
  public List<String> violations(String name) {
    List<String> out = new ArrayList<>();
    if (name == null || name.isEmpty()) {
      out.add("empty");
      return out;
    }
    if (name.length() < min || name.length() > max) out.add("length " + name.length() + " outside " + min + ".." + max);
    if (!pattern.matcher(name).matches()) out.add("characters do not match " + pattern.pattern());
    String lower = name.toLowerCase(Locale.ROOT);
    if ((this == BUCKET || this == PUBSUB) && lower.startsWith("goog")) out.add("starts with reserved 'goog'");
    if (this == BUCKET && (lower.contains("google") || lower.contains("g00gle"))) out.add("contains reserved 'google'");
    if (this == BUCKET && lower.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) out.add("looks like an IP address");
    return out;
  }

  /** A token that will get a miner affix must leave room for it. */
  public List<String> tokenViolations(String token, boolean flexible) {
    List<String> out = violations(token);
    if (flexible && token.length() + AFFIX_HEADROOM > max) {
      out.add("token of length " + token.length() + " leaves no room for a " + AFFIX_HEADROOM + "-character affix");
    }
    return out;
  }
}
