package ai.alphacore.neurons.miner.agent;

import ai.alphacore.taskgen.naming.NameKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Realizes names: "starts with X" becomes {@code X-<affix>}, "ends with X" {@code <affix>-X},
 * where the affix is derived from the miner's identity, so two miners given the same task never
 * collide on globally unique names (buckets), and the same miner re-solving a task reuses its
 * own resources. Every realized name is checked against the GCP naming rule of its type.
 */
public final class Naming {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALNUM = LETTERS + "0123456789";
  private static final Map<String, NameKind> KINDS = Map.ofEntries(
      Map.entry(ResourceKinds.NETWORK, NameKind.COMPUTE), Map.entry(ResourceKinds.SUBNETWORK, NameKind.COMPUTE),
      Map.entry(ResourceKinds.FIREWALL, NameKind.COMPUTE), Map.entry(ResourceKinds.INSTANCE, NameKind.COMPUTE),
      Map.entry(ResourceKinds.BUCKET, NameKind.BUCKET), Map.entry(ResourceKinds.OBJECT, NameKind.BUCKET_OBJECT),
      Map.entry(ResourceKinds.ARTIFACT, NameKind.ARTIFACT_REPOSITORY), Map.entry(ResourceKinds.TOPIC, NameKind.PUBSUB),
      Map.entry(ResourceKinds.SUBSCRIPTION, NameKind.PUBSUB), Map.entry(ResourceKinds.DNS_ZONE, NameKind.DNS_ZONE),
      Map.entry(ResourceKinds.SECRET, NameKind.SECRET), Map.entry(ResourceKinds.SERVICE_ACCOUNT, NameKind.SERVICE_ACCOUNT),
      Map.entry(ResourceKinds.SCHEDULER, NameKind.SCHEDULER_JOB), Map.entry(ResourceKinds.SINK, NameKind.LOGGING_SINK),
      Map.entry(ResourceKinds.CUSTOM_ROLE, NameKind.CUSTOM_ROLE));

  private final String affix;

  /** @param minerId what makes this miner's names its own (hotkey, project id); never logged */
  public Naming(String minerId) {
    this.affix = derive(minerId == null ? "" : minerId);
  }

  /** Six characters: a letter, then letters and digits (valid at either end of every GCP name). */
  static String derive(String minerId) {
    byte[] h;
    try {
      h = MessageDigest.getInstance("SHA-256").digest(("alphacore-agent-affix:" + minerId).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder sb = new StringBuilder().append(LETTERS.charAt((h[0] & 0xff) % LETTERS.length()));
    for (int i = 1; i < 6; i++) sb.append(ALNUM.charAt((h[i] & 0xff) % ALNUM.length()));
    return sb.toString();
  }

  public String affix() {
    return affix;
  }

  /** The name to create for a token under a qualifier, valid for {@code type} where possible. */
  public String realize(String type, String token, Qualifier q) {
    if (token == null || !q.affixed()) return token;
    NameKind kind = KINDS.get(type);
    String[] seps = kind == NameKind.CUSTOM_ROLE ? new String[] {"_", ""} : new String[] {"-", ""};
    for (int len = affix.length(); len >= 1; len--) {
      String a = affix.substring(0, len);
      for (String sep : seps) {
        String name = q == Qualifier.STARTS_WITH ? token + sep + a : a + sep + token;
        if (kind == null || kind.violations(name).isEmpty()) return name;
      }
    }
    return q == Qualifier.STARTS_WITH ? token + affix : affix + token;
  }

  /** Why a name breaks its type's rule; empty when valid or the type has no rule here. */
  public static java.util.List<String> violations(String type, String name) {
    NameKind kind = KINDS.get(type);
    return kind == null ? java.util.List.of() : kind.violations(name);
  }
}
