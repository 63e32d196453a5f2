package ai.alphacore.taskgen.prompt;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.taskgen.rng.Rng;
import ai.alphacore.taskgen.template.FieldRole;
import ai.alphacore.taskgen.template.FieldSpec;
import ai.alphacore.taskgen.template.ResourceDraft;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic prompt: one numbered, labelled line per resource carrying every pinned value
 * in double quotes with its rule wording ("name that starts with "x" followed by at least one
 * more character"), the affix rule spelled out, the validator grant and the submission
 * sentence. Wording and clause order vary with the seed; content never does.
 */
public final class PromptRenderer {
  public static final List<String> BACKGROUNDS = List.of(
      "Internal dev sandbox. Keep it simple and cost-conscious; no extras beyond what is requested.",
      "Small internal setup for a teammate. Prefer minimal surface area and predictable configuration.",
      "Lightweight staging setup. Keep access conservative (least privilege) and avoid optional add-ons.",
      "Quick validation run. Prioritize fast apply/destroy and keep resources minimal.");

  /** The reference's submission sentences (the packaging contract). */
  public static final List<String> SUBMISSIONS = List.of(
      "Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.",
      "Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.",
      "Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.");

  private static final List<String> INTROS = List.of(
      "We need the following set up in %s with Terraform.",
      "Please provision the following in %s using Terraform.",
      "Set up the following %s resources with Terraform.");

  private static final List<String> SCOPE = List.of(
      "Requested: %s. Create exactly these %s in your own project and nothing else:",
      "Requested: %s. Only create what is listed below (%s, all in your own project):",
      "Requested: %s. The %s below are all that is needed, in your own project:");

  public static final String AFFIX_NOTE =
      "Where a value \"starts with\" X, it must continue with at least one more character after X (for example a short suffix of your own); "
          + "where it \"ends with\" X, it needs at least one more character before X (a short prefix of your own). X alone does not pass. "
          + "Keep each affix under 12 characters and valid for that resource type, and use the same full name wherever the resource is referenced.";

  /** The grant sentence every prompt carries verbatim. */
  public static String grantSentence(String validatorSa) {
    return "Grant " + validatorSa + " viewer access so they can verify the deployment.";
  }

  public String render(String kind, List<ResourceDraft> items, String providerName, String validatorSa, Rng rng) {
    StringBuilder sb = new StringBuilder();
    sb.append(rng.pick(BACKGROUNDS)).append(' ').append(String.format(INTROS.get(rng.nextInt(INTROS.size())), providerName)).append("\n\n");
    String count = items.size() == 1 ? "1 resource" : items.size() + " resources";
    sb.append(String.format(rng.pick(SCOPE), kind, count).replace("The 1 resource below are", "The 1 resource below is")).append('\n');
    boolean flexible = false;
    for (int i = 0; i < items.size(); i++) {
      ResourceDraft r = items.get(i);
      sb.append(i + 1).append(". ").append(line(r, items, rng)).append('\n');
      flexible |= r.fields().stream().anyMatch(f -> f.shown() && isFlexible(f.rule()));
    }
    sb.append('\n');
    if (flexible) sb.append(AFFIX_NOTE).append("\n\n");
    List<String> closing = new ArrayList<>(List.of(grantSentence(validatorSa), rng.pick(SUBMISSIONS)));
    sb.append(String.join(" ", rng.shuffled(closing)));
    return sb.toString();
  }

  /** {@code Label: clause; clause; ...} with the name first and any script last. */
  public String line(ResourceDraft r, List<ResourceDraft> items, Rng rng) {
    List<FieldSpec> shown = r.fields().stream().filter(FieldSpec::shown).toList();
    List<FieldSpec> head = shown.stream().filter(f -> f.role() == FieldRole.NAME).toList();
    List<FieldSpec> scripts = shown.stream().filter(PromptRenderer::isScript).toList();
    List<FieldSpec> rest = rng.shuffled(shown.stream().filter(f -> f.role() != FieldRole.NAME && !isScript(f)).toList());
    List<String> clauses = new ArrayList<>();
    for (FieldSpec f : head) clauses.add(clause(f, items, rng));
    for (FieldSpec f : rest) clauses.add(clause(f, items, rng));
    StringBuilder sb = new StringBuilder(r.label()).append(": ").append(String.join("; ", clauses));
    for (FieldSpec f : scripts) {
      if (!clauses.isEmpty()) sb.append("; ");
      sb.append(f.label()).append(" exactly the following lines:\n").append(f.value().textValue().stripTrailing());
      clauses.add("script");
    }
    if (scripts.isEmpty()) sb.append('.');
    return sb.toString();
  }

  private String clause(FieldSpec f, List<ResourceDraft> items, Rng rng) {
    if (f.role() == FieldRole.REFERENCE && f.referencedItem() >= 0 && f.referencedItem() < items.size()) {
      ResourceDraft target = items.get(f.referencedItem());
      FieldSpec targetName = target.fields().stream().filter(x -> x.role() == FieldRole.NAME).findFirst().orElse(null);
      String where = "the " + target.label() + " from item " + (f.referencedItem() + 1);
      if (targetName != null && targetName.value().equals(f.value())) {
        return f.label() + ": " + where + ", whose " + targetName.label() + " " + refQualified(f.rule(), f.value());
      }
      return f.label() + " " + qualified(f.rule(), f.value(), false, rng) + " (pointing at " + where + ")";
    }
    return f.label() + " " + qualified(f.rule(), f.value(), f.role() == FieldRole.NAME, rng);
  }

  /** The value with its rule wording; names say "exactly" so nobody adds an affix by habit. */
  static String qualified(ComparisonRule rule, JsonNode v, boolean isName, Rng rng) {
    String lit = literal(v);
    if (rule == ComparisonRule.STARTS_WITH) {
      return rng.pick(List.of("that starts with %s followed by at least one more character",
          "that starts with %s plus a short suffix of your own (at least one character)")).formatted(lit);
    }
    if (rule == ComparisonRule.ENDS_WITH) {
      return rng.pick(List.of("that ends with %s preceded by at least one more character",
          "that ends with %s after a short prefix of your own (at least one character)")).formatted(lit);
    }
    if (isName) return rng.pick(List.of("exactly %s", "set to exactly %s")).formatted(lit);
    if (v.isBoolean()) return "set to " + lit;
    if (v.isNumber()) return rng.pick(List.of("%s", "set to %s")).formatted(lit);
    return rng.pick(List.of("%s", "set to %s", "equal to %s")).formatted(lit);
  }

  /** Rule wording after "whose name": "is exactly", "starts with", "ends with". */
  static String refQualified(ComparisonRule rule, JsonNode v) {
    String lit = literal(v);
    if (rule == ComparisonRule.STARTS_WITH) return "starts with " + lit + " (plus your suffix)";
    if (rule == ComparisonRule.ENDS_WITH) return "ends with " + lit + " (after your prefix)";
    return "is exactly " + lit;
  }

  /** Strings in double quotes (single when they hold double quotes), numbers and booleans bare, lists as JSON arrays. */
  static String literal(JsonNode v) {
    if (v.isTextual()) {
      String t = v.textValue();
      // Values with double quotes inside (log filters) read better in single quotes.
      return t.contains("\"") && !t.contains("'") ? "'" + t + "'" : "\"" + t + "\"";
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(e.isTextual() ? "\"" + e.textValue().replace("\"", "\\\"") + "\"" : e.toString()));
      return "[" + String.join(", ", parts) + "]";
    }
    return v.toString();
  }

  static boolean isFlexible(ComparisonRule r) {
    return r == ComparisonRule.STARTS_WITH || r == ComparisonRule.ENDS_WITH;
  }

  static boolean isScript(FieldSpec f) {
    return f.path().contains("metadata_startup_script");
  }
}
