package ai.alphacore.sandbox.refresh;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares what terraform sees: the miner's state with every resource bound to the root default
 * provider configuration and outputs dropped, plus a validator-authored configuration that
 * declares exactly those providers, pinned, with empty provider blocks. The miner's .tf files
 * are never given to terraform, so none of their expressions (file(), outputs, provider
 * settings, custom endpoints) are evaluated (validation.md S1, S2, S3).
 */
public final class StatePrep {
  static final String BUILTIN = "terraform.io/builtin/terraform";
  private static final Pattern PROVIDER = Pattern.compile("provider\\[\"([^\"]+)\"\\]");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The two files of the staged workspace. */
  /** Providers whose refresh never leaves the machine. */
  static final java.util.Set<String> OFFLINE = java.util.Set.of("registry.terraform.io/hashicorp/random");

  public record Prepared(byte[] state, byte[] config, Map<String, String> providers) {
    /** The providers that must reach a cloud API to refresh. */
    public java.util.List<String> online() {
      return providers.keySet().stream().filter(p -> !OFFLINE.contains(p)).toList();
    }
  }

  private StatePrep() {}

  public static Prepared prepare(byte[] minerState, Map<String, String> pins) throws IsolationException {
    JsonNode root;
    try {
      root = JSON.readTree(minerState);
    } catch (java.io.IOException e) {
      throw new IsolationException(IsolationError.BAD_STATE, "terraform.tfstate is not valid JSON");
    }
    if (!(root instanceof ObjectNode obj) || root.path("version").asInt(-1) != 4) {
      throw new IsolationException(IsolationError.BAD_STATE, "terraform.tfstate must be a version 4 state object");
    }
    if (!root.path("resources").isArray() && !root.path("resources").isMissingNode()) {
      throw new IsolationException(IsolationError.BAD_STATE, "terraform.tfstate resources must be an array");
    }
    Map<String, String> providers = new TreeMap<>();
    for (JsonNode r : root.path("resources")) {
      if (!(r instanceof ObjectNode ro)) throw new IsolationException(IsolationError.BAD_STATE, "a state resource is not an object");
      String p = r.path("provider").asText("");
      Matcher m = PROVIDER.matcher(p);
      if (!m.find()) throw new IsolationException(IsolationError.BAD_STATE, "resource " + r.path("type").asText("?") + " has no provider address");
      String source = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!source.equals(BUILTIN)) {
        if (!pins.containsKey(source)) {
          throw new IsolationException(IsolationError.PROVIDER_NOT_ALLOWED, "state uses provider " + source + ", which is not one of " + pins.keySet());
        }
        providers.put(source, pins.get(source));
      }
      // Aliases and module-scoped configurations would be the miner's; bind to the validator's.
      ro.put("provider", "provider[\"" + source + "\"]");
    }
    obj.putObject("outputs"); // miner-controlled values the judge never reads; refresh-only also chokes on stale ones
    obj.remove("check_results");
    ObjectNode cfg = JSON.createObjectNode();
    if (!providers.isEmpty()) {
      ObjectNode req = cfg.putObject("terraform").putObject("required_providers");
      ObjectNode prov = cfg.putObject("provider");
      for (var e : providers.entrySet()) {
        String local = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
        String shortSource = e.getKey().startsWith("registry.terraform.io/") ? e.getKey().substring("registry.terraform.io/".length()) : e.getKey();
        req.putObject(local).put("source", shortSource).put("version", e.getValue());
        prov.putObject(local);
      }
    }
    try {
      return new Prepared(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(obj), JSON.writeValueAsBytes(cfg), providers);
    } catch (JsonProcessingException e) {
      throw new IsolationException(IsolationError.INTERNAL, "cannot serialise the prepared state: " + e.getMessage(), e);
    }
  }
}
