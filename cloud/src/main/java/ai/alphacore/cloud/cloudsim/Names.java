package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** GCP naming rules, each with the error text a caller can act on. */
final class Names {
  private Names() {}

  /** RFC 1035 names used by Compute Engine and Cloud DNS zones: 1-63 chars. */
  static final Pattern RFC1035 = Pattern.compile("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$");
  static final Pattern PROJECT_ID = Pattern.compile("^[a-z][-a-z0-9]{4,28}[a-z0-9]$");
  static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$");
  static final Pattern PUBSUB = Pattern.compile("^[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}$");
  static final Pattern ARTIFACT_REPO = Pattern.compile("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
  static final Pattern ACCOUNT_ID = Pattern.compile("^[a-z]([-a-z0-9]{4,28}[a-z0-9])$");
  static final Pattern ROLE_ID = Pattern.compile("^[a-zA-Z0-9_.]{3,64}$");
  static final Pattern SECRET_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,255}$");
  static final Pattern JOB_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,500}$");
  static final Pattern SINK = Pattern.compile("^[A-Za-z0-9_.-]{1,100}$");
  static final Pattern DURATION = Pattern.compile("^([0-9]{1,12})(\\.[0-9]{1,9})?s$");
  static final Pattern LABEL_KEY = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");
  static final Pattern LABEL_VALUE = Pattern.compile("^[a-z0-9_-]{0,63}$");
  static final Pattern PERMISSION = Pattern.compile("^[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+){2,3}$");
  static final Pattern CIDR = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");
  static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
  static final Pattern DNS_NAME = Pattern.compile("^(\\*\\.)?([a-z0-9_]([-a-z0-9_]{0,61}[a-z0-9_])?\\.)+$");

  static void check(Pattern p, String value, String field, String rule) {
    if (value == null || !p.matcher(value).matches()) {
      throw ApiException.invalid("Invalid value for field '" + field + "': '" + (value == null ? "" : value) + "'. " + rule);
    }
  }

  static void compute(String name, String field) {
    check(RFC1035, name, field, "Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'");
  }

  static void bucket(String name) {
    check(BUCKET, name, "name", "Bucket names must be 3-63 characters of lowercase letters, digits, '-', '_' and '.', "
        + "starting and ending with a letter or digit.");
    if (name.startsWith("goog") || name.contains("google") || name.contains("..") || IPV4.matcher(name).matches()) {
      throw ApiException.invalid("Invalid bucket name: '" + name + "'. Names cannot start with 'goog', contain 'google' "
          + "or '..', or look like an IP address.");
    }
  }

  static void objectName(String name) {
    if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 1024
        || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || name.equals(".") || name.equals("..")
        || name.startsWith(".well-known/acme-challenge/")) {
      throw ApiException.invalid("The specified object name is not valid: object names are 1-1024 bytes of UTF-8 "
          + "without CR or LF, and cannot be '.', '..' or start with '.well-known/acme-challenge/'.");
    }
  }

  static void pubsub(String name, String what) {
    check(PUBSUB, name, what, "Resource names must start with a letter, be 3-255 characters of [A-Za-z0-9-_.~+%].");
    if (name.startsWith("goog")) throw ApiException.invalid("Invalid " + what + " name: names cannot start with 'goog'.");
  }

  /** Parses a protobuf Duration string such as {@code 600s}; returns whole seconds. */
  static long seconds(String value, String field) {
    var m = value == null ? null : DURATION.matcher(value);
    if (m == null || !m.matches()) throw ApiException.invalid("Invalid value for field '" + field + "': '" + value + "'. Expected a duration such as '600s'.");
    return Long.parseLong(m.group(1));
  }

  static void labels(JsonNode labels) {
    if (labels == null || labels.isNull()) return;
    if (!labels.isObject()) throw ApiException.invalid("Invalid value for field 'labels': must be a map of strings.");
    if (labels.size() > 64) throw ApiException.invalid("Invalid value for field 'labels': at most 64 labels.");
    Iterator<Map.Entry<String, JsonNode>> it = labels.fields();
    while (it.hasNext()) {
      var e = it.next();
      check(LABEL_KEY, e.getKey(), "labels", "Label keys start with a lowercase letter and hold up to 63 lowercase letters, digits, '_' or '-'.");
      if (!e.getValue().isTextual()) throw ApiException.invalid("Invalid value for field 'labels." + e.getKey() + "': must be a string.");
      check(LABEL_VALUE, e.getValue().asText(), "labels." + e.getKey(), "Label values hold up to 63 lowercase letters, digits, '_' or '-'.");
    }
  }

  static void cidr(String cidr) {
    var m = cidr == null ? null : CIDR.matcher(cidr);
    boolean ok = m != null && m.matches();
    if (ok) {
      for (int i = 1; i <= 4; i++) ok &= Integer.parseInt(m.group(i)) <= 255;
      int bits = Integer.parseInt(m.group(5));
      ok &= bits >= 8 && bits <= 29;
      if (ok) {
        long ip = 0;
        for (int i = 1; i <= 4; i++) ip = (ip << 8) | Integer.parseInt(m.group(i));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        ok &= (ip & ~mask & 0xFFFFFFFFL) == 0;
      }
    }
    if (!ok) throw ApiException.invalid("Invalid value for field 'resource.ipCidrRange': '" + cidr + "'. Invalid IPCidrRange: expected a /8 to /29 IPv4 range with no host bits set.");
  }

  static boolean ipv4(String s) {
    var m = IPV4.matcher(s);
    if (!m.matches()) return false;
    for (int i = 1; i <= 4; i++) if (Integer.parseInt(m.group(i)) > 255) return false;
    return true;
  }

  /** Last segment of a URL or resource path: {@code .../networks/vpc} gives {@code vpc}. */
  static String last(String s) {
    if (s == null) return null;
    String t = s;
    while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
    int i = t.lastIndexOf('/');
    return i < 0 ? t : t.substring(i + 1);
  }
}
