package ai.alphacore.taskgen.prompt;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a prompt (deterministic or LLM-written) still carries everything a miner needs,
 * from the task JSON alone: every invariant value, the rule wording next to each affixed value,
 * no affix wording on exact names, the full startup script line by line, the validator grant,
 * the packaging contract, the provider, plain ASCII. Unlike the reference (generation.md 4.4):
 * numbers need real boundaries ("10" is not found in "10.x"), booleans need their field
 * nearby (not just the word "on"), and qualifiers are verified. It is a presence check that
 * works on free text: a value that equals another field's value (say a bucket in US-WEST1 and a
 * repository in us-west1) is satisfied by either mention.
 */
public final class PromptChecker {
  private static final Set<String> NAME_PATHS = Set.of(
      "values.name", "values.repository_id", "values.secret_id", "values.account_id", "values.role_id");
  private static final Pattern ENUM = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,}");
  private static final Pattern BANNED = Pattern.compile(
      "(?i)\\b(readmes?|prerequisites?|documentation|tutorials?|guides?|guidelines?|walkthroughs?|invariants?)\\b");
  private static final Pattern AFFIX_WORDS = Pattern.compile("(?i)(start|starts|starting|end|ends|ending) with|prefix|suffix");
  private static final String[] NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"
  };

  private final List<String> providerTerms;

  public PromptChecker(List<String> providerTerms) {
    this.providerTerms = List.copyOf(providerTerms);
  }

  public CheckResult check(Task task, String prompt, String validatorSa) {
    List<String> p = new ArrayList<>();
    if (prompt == null || prompt.isBlank()) return new CheckResult(List.of("prompt is empty"));
    String text = prompt.replace("\r\n", "\n").replace('\r', '\n');
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 126 || (c < 32 && c != '\n' && c != '\t')) {
        p.add("non-ASCII or control character at offset " + i);
        break;
      }
    }
    Matcher banned = BANNED.matcher(text);
    if (banned.find()) p.add("banned word: " + banned.group());
    if (providerTerms.stream().noneMatch(lower::contains)) p.add("no provider mention (one of " + providerTerms + ")");
    if (!Pattern.compile("(?i)\\bzip\\b").matcher(text).find()) p.add("packaging: the word zip");
    if (!lower.contains("terraform.tfstate")) p.add("packaging: terraform.tfstate");
    if (!lower.contains("repository root")) p.add("packaging: repository root");
    if (validatorSa != null && !validatorSa.isEmpty()) {
      if (!lower.contains(validatorSa.toLowerCase(Locale.ROOT))) p.add("validator service account " + validatorSa);
      if (!lower.contains("viewer")) p.add("viewer grant for the validator");
    }
    boolean flexible = false;
    for (int i = 0; i < task.invariants().size(); i++) {
      Invariant inv = task.invariants().get(i);
      for (Map.Entry<String, JsonNode> e : inv.match().entrySet()) {
        ComparisonRule rule = inv.rule(e.getKey()).orElse(ComparisonRule.EXACT_MATCH);
        flexible |= rule != ComparisonRule.EXACT_MATCH;
        String where = "invariant " + (i + 1) + " " + inv.resourceType() + " " + e.getKey();
        checkValue(text, e.getKey(), e.getValue(), rule, inv.comparisonRule().containsKey(e.getKey()), where, p);
      }
    }
    if (flexible && !lower.contains("at least one")) p.add("affix rule: say that starts with / ends with needs at least one more character");
    return new CheckResult(p);
  }

  private void checkValue(String text, String path, JsonNode v, ComparisonRule rule, boolean explicitRule, String where, List<String> p) {
    if (v.isTextual()) {
      String s = v.textValue();
      if (path.contains("metadata_startup_script")) {
        checkScript(text, s, where, p);
        return;
      }
      List<Integer> at = occurrences(text, s);
      if (at.isEmpty()) {
        p.add(where + ": value \"" + s + "\"");
        return;
      }
      if (rule != ComparisonRule.EXACT_MATCH) {
        String verb = rule == ComparisonRule.STARTS_WITH ? "(?:starts?|starting)" : "(?:ends?|ending)";
        Pattern q = Pattern.compile("(?i)" + verb + " with\\W{0,3}" + Pattern.quote(s));
        if (!q.matcher(text).find()) p.add(where + ": wording '" + rule.wire().replace('_', ' ') + " \"" + s + "\"'");
      } else if (explicitRule || NAME_PATHS.contains(path)) {
        boolean plain = at.stream().anyMatch(i -> !AFFIX_WORDS.matcher(text.substring(Math.max(0, i - 24), i)).find());
        if (!plain) p.add(where + ": \"" + s + "\" must be given as an exact value, not with starts/ends/prefix/suffix wording");
      }
    } else if (v.isBoolean()) {
      String field = keyword(path);
      Pattern q = Pattern.compile("(?i)(?:" + Pattern.quote(field) + "|" + Pattern.quote(field.replace('_', ' ')) + ")[^\\n]{0,80}?\\b"
          + v.booleanValue() + "\\b");
      if (!q.matcher(text).find()) p.add(where + ": " + field + " " + v.booleanValue());
    } else if (v.isIntegralNumber()) {
      long n = v.longValue();
      boolean digit = Pattern.compile("(?<![0-9.])" + n + "(?![0-9]|\\.[0-9])").matcher(text).find();
      boolean word = n >= 0 && n <= 20 && Pattern.compile("(?i)\\b" + NUMBER_WORDS[(int) n] + "\\b").matcher(text).find();
      if (!digit && !word) p.add(where + ": number " + n);
    } else if (v.isArray()) {
      for (JsonNode e : v) {
        String s = e.asText();
        if (occurrences(text, s).isEmpty() && !text.contains(s.replace("\"", "\\\""))) p.add(where + ": list item \"" + s + "\"");
      }
    } else if (!v.isNull()) {
      if (!text.contains(v.toString())) p.add(where + ": value " + v);
    }
  }

  /** Every non-empty script line, in order, on its own line of the prompt. */
  private static void checkScript(String text, String script, String where, List<String> p) {
    List<String> lines = text.lines().map(String::stripTrailing).toList();
    int from = 0;
    for (String want : script.replace("\r\n", "\n").split("\n")) {
      String w = want.stripTrailing();
      if (w.isEmpty()) continue;
      int found = -1;
      for (int i = from; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(w.strip())) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        p.add(where + ": startup script line '" + w + "' (each line verbatim, in order)");
        return;
      }
      from = found + 1;
    }
  }

  /** Positions of {@code s} not glued to a longer identifier or number; enum values match any case. */
  static List<Integer> occurrences(String text, String s) {
    List<Integer> out = new ArrayList<>();
    if (s.isEmpty()) return out;
    String re;
    if (s.chars().allMatch(Character::isDigit)) re = "(?<![0-9.])" + Pattern.quote(s) + "(?![0-9]|\\.[0-9])";
    else if (s.length() == 1) re = "\"" + Pattern.quote(s) + "\"|\\b" + Pattern.quote(s) + " record\\b";
    else re = "(?<![A-Za-z0-9_-])" + Pattern.quote(s) + "(?![A-Za-z0-9_-])"; // "us-east1" is not in "us-east1-b"
    int flags = ENUM.matcher(s).matches() && s.chars().anyMatch(Character::isLetter) ? Pattern.CASE_INSENSITIVE : 0;
    Matcher m = Pattern.compile(re, flags).matcher(text);
    while (m.find()) out.add(m.start());
    return out;
  }

  private static String keyword(String path) {
    String[] parts = path.split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) if (!parts[i].matches("\\d+") && !parts[i].equals("values")) return parts[i];
    return path;
  }
}
