package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading ids out of a miner's state attributes. Every value is hostile: it must match the GCP
 * naming rule for its kind before it goes into a URL (and is percent-encoded there anyway).
 */
public final class Ids {
  private Ids() {}

  public static final Pattern PROJECT = Pattern.compile("^[a-z][-a-z0-9]{4,28}[a-z0-9]$");
  public static final Pattern PROJECT_NUMBER = Pattern.compile("^[0-9]{1,19}$");
  public static final Pattern RFC1035 = Pattern.compile("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$");
  public static final Pattern REGION = Pattern.compile("^[a-z]+-[a-z]+[0-9]{1,2}$");
  public static final Pattern ZONE = Pattern.compile("^[a-z]+-[a-z]+[0-9]{1,2}-[a-z]$");
  public static final Pattern LOCATION = Pattern.compile("^([a-z]+-[a-z]+[0-9]{1,2}|us|europe|asia)$");
  public static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$");
  public static final Pattern PUBSUB = Pattern.compile("^[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}$");
  public static final Pattern ACCOUNT_EMAIL = Pattern.compile("^([a-z][-a-z0-9]{4,28}[a-z0-9])@([a-z][-a-z0-9]{4,28}[a-z0-9])\\.iam\\.gserviceaccount\\.com$");
  public static final Pattern ROLE_ID = Pattern.compile("^[a-zA-Z0-9_.]{3,64}$");
  public static final Pattern SECRET_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,255}$");
  public static final Pattern JOB_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,500}$");
  public static final Pattern SINK = Pattern.compile("^[A-Za-z0-9_.-]{1,100}$");
  public static final Pattern DNS_NAME = Pattern.compile("^(\\*\\.)?([A-Za-z0-9_]([-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?\\.)+$");
  public static final Pattern RR_TYPE = Pattern.compile("^[A-Z]{1,10}$");
  public static final Pattern ROLE = Pattern.compile("^(roles/[A-Za-z0-9_.]{1,128}|projects/[a-z][-a-z0-9]{4,28}[a-z0-9]/roles/[A-Za-z0-9_.]{3,64}|organizations/[0-9]{1,19}/roles/[A-Za-z0-9_.]{3,64})$");
  public static final Pattern MEMBER = Pattern.compile("^[A-Za-z]+:[\\x21-\\x7e]{1,320}$|^allUsers$|^allAuthenticatedUsers$");
  public static final Pattern VERSION = Pattern.compile("^[0-9]{1,9}$");

  /** A string attribute, or null when absent, null, empty or not a scalar. */
  public static String str(JsonNode attrs, String field) {
    JsonNode v = attrs.get(field);
    if (v == null || !v.isValueNode() || v.isNull()) return null;
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  /** The last path segment of a value such as a self link ({@code .../regions/us-east1} gives {@code us-east1}). */
  public static String last(String s) {
    if (s == null) return null;
    String t = s;
    while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
    int i = t.lastIndexOf('/');
    String r = i < 0 ? t : t.substring(i + 1);
    return r.isEmpty() ? null : r;
  }

  /** Group {@code g} of {@code p} matched against {@code s}, or null. */
  public static String group(Pattern p, String s, int g) {
    if (s == null) return null;
    Matcher m = p.matcher(s);
    return m.find() ? m.group(g) : null;
  }

  public static boolean ok(Pattern p, String s) {
    return s != null && p.matcher(s).matches();
  }

  public static boolean objectName(String s) {
    return s != null && !s.isEmpty() && s.getBytes(StandardCharsets.UTF_8).length <= 1024 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0
        && !s.equals(".") && !s.equals("..");
  }
}
