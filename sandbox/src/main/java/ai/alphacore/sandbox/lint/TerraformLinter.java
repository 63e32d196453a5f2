package ai.alphacore.sandbox.lint;

import ai.alphacore.sandbox.intake.Workspace;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses Terraform that could run code, reach other hosts, bring its own credentials or keep
 * state elsewhere, before anything runs (validation.md S1, S2, T4). Every .tf and .tf.json file
 * anywhere in the workspace is checked. Thread-safe.
 */
public final class TerraformLinter {
  private static final Set<String> CREDENTIAL_KEYS = Set.of("credentials", "access_token", "impersonate_service_account",
      "impersonate_service_account_delegates", "external_credentials", "oauth2_token");
  private static final Pattern ENDPOINT_KEY = Pattern.compile("(.*_custom_endpoint|custom_endpoint.*|endpoint|endpoints|universe_domain)");

  private final LintPolicy policy;

  public TerraformLinter(LintPolicy policy) {
    this.policy = policy;
  }

  public LintReport lint(Workspace ws) {
    return lint(ws.files());
  }

  /** Lints files given by workspace-relative path. */
  public LintReport lint(Map<String, byte[]> files) {
    List<LintFinding> out = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    boolean rootConfig = false;
    for (var e : files.entrySet()) {
      String path = e.getKey();
      String lower = path.toLowerCase(Locale.ROOT);
      boolean json = lower.endsWith(".tf.json");
      if (!json && !lower.endsWith(".tf")) continue;
      if (!path.contains("/")) rootConfig = true;
      try {
        Hcl.Body body = json ? TfJsonParser.parse(e.getValue()) : HclParser.parse(utf8(e.getValue()));
        parsed.add(new Parsed(path, body));
      } catch (CharacterCodingException ex) {
        out.add(new LintFinding(LintRule.NOT_UTF8, path, 1, "file is not valid UTF-8"));
      } catch (Hcl.SyntaxException ex) {
        out.add(new LintFinding(LintRule.SYNTAX_ERROR, path, ex.line(), ex.getMessage()));
      }
    }
    if (!rootConfig) {
      out.add(new LintFinding(LintRule.MISSING_TF_FILES, null, 0, "no .tf or .tf.json file at the workspace root"));
    }
    Set<String> localNames = new HashSet<>();
    for (Parsed f : parsed) requiredProviders(f, out, localNames);
    for (Parsed f : parsed) check(f, out, localNames);
    out.sort(Comparator.comparing((LintFinding f) -> f.file() == null ? "" : f.file()).thenComparingInt(LintFinding::line));
    return new LintReport(out, parsed.size());
  }

  private record Parsed(String path, Hcl.Body body) {}

  private static String utf8(byte[] b) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
  }

  /** terraform { required_providers { x = { source = "..." } } }, and the backend rule. */
  private void requiredProviders(Parsed f, List<LintFinding> out, Set<String> localNames) {
    for (Hcl.Block tf : f.body().blocks("terraform")) {
      for (Hcl.Block b : tf.body().blocks()) {
        if (b.type().equals("backend") || b.type().equals("cloud")) {
          out.add(new LintFinding(LintRule.BACKEND_FORBIDDEN, f.path(), b.line(),
              (b.type().equals("cloud") ? "cloud block" : "backend \"" + b.label(0) + "\"") + " is not allowed; state must stay in terraform.tfstate"));
        }
        if (!b.type().equals("required_providers")) continue;
        for (Hcl.Attribute a : b.body().attributes()) {
          String source = a.name();
          if (a.value() instanceof Hcl.ObjectExpr o && o.item("source") != null) {
            source = o.item("source").value().literal();
            if (source == null) {
              out.add(new LintFinding(LintRule.PROVIDER_NOT_ALLOWED, f.path(), a.line(),
                  "provider \"" + a.name() + "\" source must be a literal string"));
              continue;
            }
          }
          if (policy.allowsSource(source)) {
            localNames.add(a.name());
          } else {
            out.add(new LintFinding(LintRule.PROVIDER_NOT_ALLOWED, f.path(), a.line(),
                "provider \"" + a.name() + "\" with source \"" + source + "\" is not in the allowlist " + policy.providerSources()));
          }
        }
      }
    }
  }

  private boolean localNameAllowed(String name, Set<String> localNames) {
    return localNames.contains(name) || policy.allowsImpliedLocalName(name);
  }

  private void check(Parsed f, List<LintFinding> out, Set<String> localNames) {
    for (Hcl.Block b : f.body().blocks()) {
      switch (b.type()) {
        case "provider" -> provider(f, b, out, localNames);
        case "resource", "data" -> resource(f, b, out, localNames);
        case "module" -> module(f, b, out);
        default -> {}
      }
    }
  }

  private void provider(Parsed f, Hcl.Block b, List<LintFinding> out, Set<String> localNames) {
    String name = b.label(0);
    if (!localNameAllowed(name, localNames)) {
      out.add(new LintFinding(LintRule.PROVIDER_NOT_ALLOWED, f.path(), b.line(), "provider \"" + name + "\" is not in the allowlist"));
    }
    List<String[]> keys = new ArrayList<>();
    for (Hcl.Attribute a : b.body().attributes()) keys.add(new String[] {a.name(), Integer.toString(a.line())});
    for (Hcl.Block nb : b.body().blocks()) keys.add(new String[] {nb.type(), Integer.toString(nb.line())});
    for (String[] k : keys) {
      String key = k[0].toLowerCase(Locale.ROOT);
      int line = Integer.parseInt(k[1]);
      if (CREDENTIAL_KEYS.contains(key)) {
        out.add(new LintFinding(LintRule.PROVIDER_CREDENTIALS, f.path(), line,
            "provider \"" + name + "\" sets " + k[0] + "; credentials come from the validator only"));
      } else if (ENDPOINT_KEY.matcher(key).matches()) {
        out.add(new LintFinding(LintRule.PROVIDER_CUSTOM_ENDPOINT, f.path(), line,
            "provider \"" + name + "\" sets " + k[0] + "; API endpoints are fixed"));
      }
    }
  }

  private void resource(Parsed f, Hcl.Block b, List<LintFinding> out, Set<String> localNames) {
    String type = b.label(0);
    String kind = b.type();
    if (kind.equals("data") && type.equals("external")) {
      out.add(new LintFinding(LintRule.EXTERNAL_DATA_FORBIDDEN, f.path(), b.line(), "data \"external\" \"" + b.label(1) + "\" runs a program"));
    } else {
      Hcl.Attribute meta = b.body().attribute("provider");
      String local = meta != null ? meta.value() instanceof Hcl.Literal l ? l.value() : meta.value() instanceof Hcl.Other o ? o.text() : ""
          : type.contains("_") ? type.substring(0, type.indexOf('_')) : type;
      local = local.replace(" ", "");
      if (local.contains(".")) local = local.substring(0, local.indexOf('.'));
      if (!localNameAllowed(local, localNames)) {
        out.add(new LintFinding(LintRule.PROVIDER_NOT_ALLOWED, f.path(), meta != null ? meta.line() : b.line(),
            kind + " \"" + type + "\" \"" + b.label(1) + "\" needs provider \"" + local + "\", which is not in the allowlist"));
      }
    }
    provisioners(f, b.body(), out);
  }

  private static void provisioners(Parsed f, Hcl.Body body, List<LintFinding> out) {
    for (Hcl.Block nb : body.blocks()) {
      if (nb.type().equals("provisioner")) {
        out.add(new LintFinding(LintRule.PROVISIONER_FORBIDDEN, f.path(), nb.line(), "provisioner \"" + nb.label(0) + "\" is not allowed"));
      }
      provisioners(f, nb.body(), out);
    }
  }

  private static void module(Parsed f, Hcl.Block b, List<LintFinding> out) {
    Hcl.Attribute src = b.body().attribute("source");
    String s = src == null ? null : src.value().literal();
    int line = src == null ? b.line() : src.line();
    if (s == null) {
      out.add(new LintFinding(LintRule.MODULE_SOURCE_NOT_LOCAL, f.path(), line, "module \"" + b.label(0) + "\" needs a literal local source"));
      return;
    }
    if (!(s.startsWith("./") || s.startsWith("../")) || s.contains("//") || s.contains("::") || s.contains("?")) {
      out.add(new LintFinding(LintRule.MODULE_SOURCE_NOT_LOCAL, f.path(), line,
          "module \"" + b.label(0) + "\" source \"" + s + "\" is not a local path (./ or ../)"));
      return;
    }
    Path dir = Path.of(f.path()).getParent();
    Path target = (dir == null ? Path.of(s) : dir.resolve(s)).normalize();
    if (target.startsWith("..") || target.isAbsolute()) {
      out.add(new LintFinding(LintRule.MODULE_SOURCE_NOT_LOCAL, f.path(), line,
          "module \"" + b.label(0) + "\" source \"" + s + "\" leaves the workspace"));
    }
    if (b.body().attribute("version") != null) {
      out.add(new LintFinding(LintRule.MODULE_SOURCE_NOT_LOCAL, f.path(), b.body().attribute("version").line(),
          "module \"" + b.label(0) + "\" sets version, which only registry modules have"));
    }
  }
}
