package ai.alphacore.taskgen.config;

import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.provider.Provider;
import ai.alphacore.taskgen.template.ResourceTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML config strictly: every unknown key, unknown family or template name, wrong
 * type or impossible bound is an error naming the key and what is allowed. Environment
 * variables override YAML for deployment settings (validator SA, LLM endpoint and model).
 */
public final class ConfigLoader {
  /** The bundled default config. */
  public static final String DEFAULT_RESOURCE = "/ai/alphacore/taskgen/task_config.yaml";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> KNOWN_OTHER_PROVIDERS = Set.of("aws", "azure");

  private final Provider provider;
  private final Map<String, String> env;

  public ConfigLoader(Provider provider, Map<String, String> env) {
    this.provider = provider;
    this.env = env;
  }

  public TaskgenConfig loadDefault() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) throw new IllegalStateException("bundled config " + DEFAULT_RESOURCE + " is missing from the jar");
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled task_config.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled config", e);
    }
  }

  public TaskgenConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public TaskgenConfig parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException(source + ": malformed YAML: " + msg);
    }
    if (root == null || root.isMissingNode() || root.isNull()) throw new ConfigException(source + ": config is empty; it needs a providers section");
    object(root, "(root)", source);
    keys(root, "(root)", source, "providers", "settings");
    JsonNode providers = root.get("providers");
    if (providers == null) throw new ConfigException(source + ": missing key providers (allowed providers: " + provider.key() + ")");
    object(providers, "providers", source);

    Map<Bank, BankConfig> banks = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = providers.fields(); it.hasNext(); ) {
      var e = it.next();
      String p = e.getKey();
      String where = "providers." + p;
      object(e.getValue(), where, source);
      keys(e.getValue(), where, source, "enabled", "task_banks");
      boolean enabled = bool(e.getValue(), "enabled", where, source, true);
      if (p.equals(provider.key())) {
        if (enabled) banks = banks(e.getValue().get("task_banks"), where + ".task_banks", source);
      } else if (KNOWN_OTHER_PROVIDERS.contains(p)) {
        if (enabled) throw new ConfigException(source + ": " + where + ".enabled is true but there are no templates for " + p + " yet; set it to false (providers with templates: " + provider.key() + ")");
      } else {
        throw new ConfigException(source + ": unknown provider " + where + " (allowed: " + provider.key() + ", aws, azure)");
      }
    }
    if (banks == null) throw new ConfigException(source + ": providers." + provider.key() + " is missing or disabled, so there is nothing to generate");

    JsonNode settings = root.get("settings");
    String sa = null;
    Path repo = Path.of("tasks");
    LlmConfig llm = LlmConfig.defaults();
    if (settings != null && !settings.isNull()) {
      object(settings, "settings", source);
      keys(settings, "settings", source, "validator_sa", "repository", "llm");
      sa = text(settings, "validator_sa", "settings", source, null);
      JsonNode r = settings.get("repository");
      if (r != null && !r.isNull()) {
        object(r, "settings.repository", source);
        keys(r, "settings.repository", source, "path");
        repo = Path.of(text(r, "path", "settings.repository", source, "tasks"));
      }
      llm = llm(settings.get("llm"), source);
    }
    sa = env.getOrDefault("ALPHACORE_VALIDATOR_SA", sa);
    if (sa == null || sa.isBlank()) throw new ConfigException(source + ": settings.validator_sa is not set (nor ALPHACORE_VALIDATOR_SA); it must be the validator's service-account email");
    checkSa(sa, source);
    return new TaskgenConfig(provider.key(), banks, sa.trim(), repo, withEnv(llm, source));
  }

  /** The validator identity must be an email; the IAM member form is derived from it. */
  public static void checkSa(String sa, String source) {
    if (!sa.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new ConfigException(source + ": validator service account '" + sa + "' is not an email address (e.g. validator@my-project.iam.gserviceaccount.com)");
    }
  }

  private Map<Bank, BankConfig> banks(JsonNode node, String where, String source) {
    Map<Bank, BankConfig> out = new EnumMap<>(Bank.class);
    if (node == null || node.isNull()) {
      for (Bank b : Bank.values()) out.put(b, BankConfig.defaults());
      return out;
    }
    object(node, where, source);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      Bank bank = java.util.Arrays.stream(Bank.values()).filter(b -> b.key().equals(e.getKey())).findFirst()
          .orElseThrow(() -> new ConfigException(source + ": unknown bank " + where + "." + e.getKey() + " (allowed: single_resource, composite_resource)"));
      String w = where + "." + e.getKey();
      JsonNode b = e.getValue();
      object(b, w, source);
      keys(b, w, source, "enabled", "resources", "min_resources", "max_resources", "families");
      if (!bool(b, "enabled", w, source, true)) continue;
      List<String> resources = names(b.get("resources"), w + ".resources", source, templateKeys());
      Integer min = integer(b, "min_resources", w, source);
      Integer max = integer(b, "max_resources", w, source);
      if (min != null && min < 1) throw new ConfigException(source + ": " + w + ".min_resources is " + min + "; it must be at least 1");
      if (max != null && max < 1) throw new ConfigException(source + ": " + w + ".max_resources is " + max + "; it must be at least 1");
      if (min != null && max != null && min > max) throw new ConfigException(source + ": " + w + ".min_resources (" + min + ") is greater than max_resources (" + max + ")");
      out.put(bank, new BankConfig(true, resources, min, max, families(b.get("families"), w + ".families", bank, source)));
    }
    return out;
  }

  private Map<String, FamilyConfig> families(JsonNode node, String where, Bank bank, String source) {
    if (node == null || node.isNull()) return null;
    List<String> allowed = provider.families().stream().filter(f -> f.bank() == bank).map(Family::name).toList();
    Map<String, FamilyConfig> out = new LinkedHashMap<>();
    if (node.isArray()) { // shorthand: a list of enabled family names
      for (String n : names(node, where, source, allowed)) out.put(n, new FamilyConfig(true, List.of(), null));
      return out;
    }
    object(node, where, source);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String w = where + "." + e.getKey();
      if (!allowed.contains(e.getKey())) throw new ConfigException(source + ": unknown family " + w + " (allowed for " + bank.key() + ": " + String.join(", ", allowed) + ")");
      JsonNode f = e.getValue();
      if (f.isBoolean()) {
        out.put(e.getKey(), new FamilyConfig(f.booleanValue(), List.of(), null));
        continue;
      }
      object(f, w, source);
      keys(f, w, source, "enabled", "resources", "reason");
      out.put(e.getKey(), new FamilyConfig(bool(f, "enabled", w, source, true), names(f.get("resources"), w + ".resources", source, templateKeys()),
          text(f, "reason", w, source, null)));
    }
    return out;
  }

  private LlmConfig llm(JsonNode n, String source) {
    LlmConfig d = LlmConfig.defaults();
    if (n == null || n.isNull()) return d;
    String w = "settings.llm";
    object(n, w, source);
    keys(n, w, source, "enabled", "base_url", "model", "api_key_env", "temperature", "retries", "timeout_seconds",
        "fallback_on_failure", "regen_on_failure", "regen_max_attempts");
    if (n.has("api_key")) throw new ConfigException(source + ": settings.llm.api_key is not read from files; put the key in the environment variable named by settings.llm.api_key_env (default " + LlmConfig.DEFAULT_KEY_ENV + ")");
    // fallback_on_failure / regen_on_failure are accepted for reference configs: the generator
    // always falls back to the deterministic prompt, which always passes the check.
    bool(n, "fallback_on_failure", w, source, true);
    bool(n, "regen_on_failure", w, source, true);
    Integer regen = integer(n, "regen_max_attempts", w, source);
    Integer retries = integer(n, "retries", w, source);
    int r = retries != null ? retries : regen != null ? regen : d.retries();
    if (r < 1 || r > 10) throw new ConfigException(source + ": " + w + ".retries is " + r + "; allowed 1..10");
    double temp = d.temperature();
    if (n.has("temperature")) {
      if (!n.get("temperature").isNumber()) throw new ConfigException(source + ": " + w + ".temperature must be a number between 0 and 2");
      temp = n.get("temperature").doubleValue();
      if (temp < 0 || temp > 2) throw new ConfigException(source + ": " + w + ".temperature is " + temp + "; allowed 0..2");
    }
    Integer timeout = integer(n, "timeout_seconds", w, source);
    if (timeout != null && (timeout < 1 || timeout > 600)) throw new ConfigException(source + ": " + w + ".timeout_seconds is " + timeout + "; allowed 1..600");
    String base = text(n, "base_url", w, source, null);
    return new LlmConfig(bool(n, "enabled", w, source, false), base == null ? d.baseUrl() : uri(base, w + ".base_url", source),
        text(n, "model", w, source, d.model()), text(n, "api_key_env", w, source, d.apiKeyEnv()), null, temp, r,
        timeout == null ? d.timeoutSeconds() : timeout);
  }

  private LlmConfig withEnv(LlmConfig c, String source) {
    boolean enabled = c.enabled();
    String en = env.get("ALPHACORE_LLM_ENABLED");
    if (en != null && !en.isBlank()) {
      String v = en.trim().toLowerCase(java.util.Locale.ROOT);
      if (!Set.of("true", "false", "1", "0", "yes", "no").contains(v)) throw new ConfigException("ALPHACORE_LLM_ENABLED is '" + en + "' (allowed: true, false)");
      enabled = Set.of("true", "1", "yes").contains(v);
    }
    URI base = env.containsKey("ALPHACORE_LLM_BASE_URL") ? uri(env.get("ALPHACORE_LLM_BASE_URL"), "ALPHACORE_LLM_BASE_URL", "environment") : c.baseUrl();
    String model = env.getOrDefault("ALPHACORE_LLM_MODEL", c.model());
    String key = env.get(c.apiKeyEnv());
    return new LlmConfig(enabled, base, model, c.apiKeyEnv(), key, c.temperature(), c.retries(), c.timeoutSeconds());
  }

  private static URI uri(String s, String where, String source) {
    try {
      URI u = URI.create(s.trim());
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) throw new IllegalArgumentException();
      return u;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + where + " is '" + s + "'; it must be an http(s) URL such as https://api.openai.com/v1");
    }
  }

  private List<String> templateKeys() {
    return provider.templates().stream().map(ResourceTemplate::key).toList();
  }

  private static List<String> names(JsonNode n, String where, String source, List<String> allowed) {
    if (n == null || n.isNull()) return List.of();
    if (!n.isArray()) throw new ConfigException(source + ": " + where + " must be a list (allowed entries: " + String.join(", ", allowed) + ")");
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual() || !allowed.contains(e.textValue())) {
        throw new ConfigException(source + ": " + where + " has unknown entry " + e + " (allowed: " + String.join(", ", allowed) + ")");
      }
      if (!out.contains(e.textValue())) out.add(e.textValue());
    }
    return out;
  }

  private static void object(JsonNode n, String where, String source) {
    if (n == null || !n.isObject()) throw new ConfigException(source + ": " + where + " must be a mapping, got " + (n == null || n.isNull() ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
  }

  private static void keys(JsonNode n, String where, String source, String... allowed) {
    List<String> ok = List.of(allowed);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ok.contains(k)) throw new ConfigException(source + ": unknown key " + (where.equals("(root)") ? "" : where + ".") + k + " (allowed: " + String.join(", ", ok) + ")");
    }
  }

  private static boolean bool(JsonNode n, String key, String where, String source, boolean dflt) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) return dflt;
    if (!v.isBoolean()) throw new ConfigException(source + ": " + where + "." + key + " must be true or false, got " + v);
    return v.booleanValue();
  }

  private static Integer integer(JsonNode n, String key, String where, String source) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new ConfigException(source + ": " + where + "." + key + " must be an integer, got " + v);
    return v.intValue();
  }

  private static String text(JsonNode n, String key, String where, String source, String dflt) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) return dflt;
    if (!v.isTextual()) throw new ConfigException(source + ": " + where + "." + key + " must be a string, got " + v);
    return v.textValue();
  }
}
