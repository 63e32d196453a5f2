package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the resource lines of a task prompt: {@code N. Label: clause; clause; ...}, scripts given
 * as "exactly the following lines:" blocks, references "the Subnetwork from item 2, whose name
 * ...", and the identity to grant viewer access. Prompts without numbered lines (an LLM rewrite)
 * go to {@link LooseParser}. Never throws on odd input: what it cannot read becomes a warning.
 */
public final class PromptParser {
  /** Longer prompts are cut: no real task needs more, and regexes stay cheap. */
  static final int MAX_PROMPT = 128 * 1024;
  static final int MAX_ITEMS = 64;

  private static final Pattern ITEM = Pattern.compile("^\\s*(\\d{1,3})[.)]\\s+(.*)$");
  private static final Pattern GRANT = Pattern.compile(
      "(?i)\\bgrant\\s+(?:the\\s+)?(?:service\\s+account\\s+|user\\s+)?(?:serviceAccount:|user:)?([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24})");
  private static final Pattern SCRIPT_LINE = Pattern.compile("(?i).*exactly the following lines\\s*:?\\s*$");
  /** Real clauses and items are a few hundred characters; longer ones are skipped (linear regex cost). */
  static final int MAX_CLAUSE = 4096;
  private static final Pattern SCRIPT_HEAD = Pattern.compile("(?is)^(.*?)\\s*,?\\s*(?:set to\\s+)?exactly the following lines\\s*:?\\s*$");
  private static final Pattern REF = Pattern.compile(
      "(?is)^(?<field>.+?)\\s*:\\s*the\\s+(?<target>.+?)\\s+from item\\s+(?<n>\\d{1,3})\\s*,?\\s*whose\\s+(?<tfield>.+?)\\s+(?<rq>is exactly|starts with|ends with|is)\\s+(?<rest>.*)$");
  private static final Pattern POINTING = Pattern.compile("(?i)\\(\\s*pointing at the\\s+(.+?)\\s+from item\\s+(\\d{1,3})\\s*\\)");
  private static final Pattern BARE_TAIL = Pattern.compile("(?is)^(.*?)(?:\\s+|:\\s*|=\\s*)(-?\\d{1,18}|true|false)\\s*\\.?\\s*$");
  private static final Pattern QUALIFIER = Pattern.compile(
      "(?is)^(?<field>.*?)\\s*,?\\s*(?<q>(?:(?:that|which|must|should|will)\\s+)?(?:starts?|starting|begins?|beginning)\\s+with"
          + "|(?:(?:that|which|must|should|will)\\s+)?(?:ends?|ending)\\s+with"
          + "|(?:(?:is|set\\s+to|be|equal\\s+to|equals)\\s+)?exactly"
          + "|set\\s+to|equal\\s+to|equals|is|of|=|:|must\\s+be|should\\s+be)?\\s*:?\\s*$");

  private final LooseParser loose = new LooseParser();

  public ParsedPrompt parse(String prompt) {
    List<String> warnings = new ArrayList<>();
    if (prompt == null || prompt.isBlank()) return new ParsedPrompt(List.of(), null, false, List.of("the prompt is empty"));
    String text = clean(prompt, warnings);
    String sa = validatorSa(text);
    List<PromptItem> items = numberedItems(text, warnings);
    if (items.isEmpty()) {
      warnings.add("no numbered resource lines; reading the prompt as free text");
      return new ParsedPrompt(loose.items(text, warnings), sa, false, warnings);
    }
    return new ParsedPrompt(items, sa, true, warnings);
  }

  /** CRLF to LF, control characters dropped, length capped. */
  static String clean(String prompt, List<String> warnings) {
    String t = prompt.length() > MAX_PROMPT ? prompt.substring(0, MAX_PROMPT) : prompt;
    if (t.length() < prompt.length()) warnings.add("prompt cut to " + MAX_PROMPT + " characters");
    t = t.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n' || c == '\t' || c >= 32 && c != 127) sb.append(c == '\t' ? ' ' : c);
    }
    return sb.toString();
  }

  static String validatorSa(String text) {
    Matcher m = GRANT.matcher(text);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private List<PromptItem> numberedItems(String text, List<String> warnings) {
    List<String[]> raw = new ArrayList<>(); // {number, text, script-or-null}
    int expected = 1;
    StringBuilder cur = null;
    List<String> script = null;
    for (String line : text.split("\n", -1)) {
      Matcher m = ITEM.matcher(line);
      if (m.matches() && Integer.parseInt(m.group(1)) == expected && expected <= MAX_ITEMS) {
        if (cur != null) raw.add(done(expected - 1, cur, script));
        cur = new StringBuilder(m.group(2).trim());
        script = SCRIPT_LINE.matcher(line).matches() ? new ArrayList<>() : null;
        expected++;
        continue;
      }
      if (cur == null) continue;
      if (line.isBlank()) {
        raw.add(done(expected - 1, cur, script));
        cur = null;
        script = null;
      } else if (script != null) {
        script.add(line.stripTrailing());
      } else {
        cur.append(' ').append(line.trim());
        if (SCRIPT_LINE.matcher(line).matches()) script = new ArrayList<>();
      }
    }
    if (cur != null) raw.add(done(expected - 1, cur, script));
    List<PromptItem> items = new ArrayList<>();
    for (String[] r : raw) items.add(item(Integer.parseInt(r[0]), r[1], r[2], warnings));
    return items;
  }

  private static String[] done(int n, StringBuilder text, List<String> script) {
    return new String[] {Integer.toString(n), text.toString(), script == null ? null : String.join("\n", script) + "\n"};
  }

  /** One item from its text ({@code Label: clauses}) and its script block, if any. */
  PromptItem item(int n, String text, String script, List<String> warnings) {
    String body = text.length() > 4 * MAX_CLAUSE ? text.substring(0, 4 * MAX_CLAUSE) : text;
    String scriptField = null;
    if (script != null) {
      Matcher sm = SCRIPT_HEAD.matcher(text);
      if (sm.matches()) body = sm.group(1);
    }
    int colon = topLevelColon(body);
    String label = colon < 0 ? body : body.substring(0, colon).trim();
    String rest = colon < 0 ? "" : body.substring(colon + 1).trim();
    String type = ResourceKinds.typeOf(label);
    if (type == null) warnings.add("item " + n + ": unknown resource '" + shorten(label) + "'");
    List<String> parts = splitClauses(rest);
    if (script != null) {
      scriptField = parts.isEmpty() ? "startup script" : parts.remove(parts.size() - 1);
    }
    List<Clause> clauses = new ArrayList<>();
    for (String p : parts) {
      Clause c = clause(p);
      if (c == null) warnings.add("item " + n + ": cannot read '" + shorten(p) + "'");
      else clauses.add(c);
    }
    if (script != null) clauses.add(new Clause(scriptField, Qualifier.VALUE, JsonNodeFactory.instance.textNode(script), 0));
    return new PromptItem(n, label, type, clauses);
  }

  /** One clause; null when it holds no literal. */
  static Clause clause(String raw) {
    String c = raw.trim();
    if (c.endsWith(".") && !c.endsWith("..")) c = c.substring(0, c.length() - 1).trim();
    if (c.isEmpty() || c.length() > MAX_CLAUSE) return null;
    Matcher ref = REF.matcher(c);
    if (ref.matches()) {
      JsonNode v = literalIn(ref.group("rest"));
      if (v == null) return null;
      String rq = ref.group("rq").toLowerCase(Locale.ROOT);
      Qualifier q = rq.startsWith("starts") ? Qualifier.STARTS_WITH : rq.startsWith("ends") ? Qualifier.ENDS_WITH : Qualifier.EXACT;
      return new Clause(ref.group("field").trim(), q, v, Integer.parseInt(ref.group("n")));
    }
    int refItem = 0;
    Matcher pt = POINTING.matcher(c);
    if (pt.find()) {
      refItem = Integer.parseInt(pt.group(2));
      c = (c.substring(0, pt.start()) + c.substring(pt.end())).trim();
    }
    String prefix;
    String tail;
    JsonNode value;
    Literals.Found f = Literals.firstQuoted(c, 0);
    if (f != null) {
      prefix = c.substring(0, f.start());
      tail = c.substring(f.end());
      value = f.value();
    } else {
      Matcher b = BARE_TAIL.matcher(c);
      if (!b.matches()) return null;
      prefix = b.group(1);
      tail = "";
      value = Literals.bare(b.group(2));
    }
    Matcher qm = QUALIFIER.matcher(prefix);
    String field = prefix.trim();
    Qualifier q = Qualifier.VALUE;
    if (qm.matches()) {
      field = qm.group("field").trim();
      q = qualifier(qm.group("q"));
    }
    if (q == Qualifier.VALUE) q = fromTail(tail);
    if (field.isEmpty()) return null;
    return new Clause(field, q, value, refItem);
  }

  private static Qualifier qualifier(String words) {
    if (words == null) return Qualifier.VALUE;
    String w = words.toLowerCase(Locale.ROOT);
    if (w.matches("(?s).*\\b(starts?|starting|begins?|beginning)\\s+with.*")) return Qualifier.STARTS_WITH;
    if (w.matches("(?s).*\\b(ends?|ending)\\s+with.*")) return Qualifier.ENDS_WITH;
    if (w.contains("exactly")) return Qualifier.EXACT;
    return Qualifier.VALUE;
  }

  /** "x" followed by a suffix of your own / after a short prefix: the affix told after the value. */
  private static Qualifier fromTail(String tail) {
    String t = tail.toLowerCase(Locale.ROOT);
    if (t.contains("followed by") || t.contains("plus a short suffix") || t.contains("plus your suffix")) return Qualifier.STARTS_WITH;
    if (t.contains("preceded by") || t.contains("after a short prefix") || t.contains("after your prefix")) return Qualifier.ENDS_WITH;
    return Qualifier.VALUE;
  }

  /** The value of a reference's "whose name ..." tail: quoted, list or bare. */
  private static JsonNode literalIn(String rest) {
    Literals.Found f = Literals.firstQuoted(rest, 0);
    if (f != null) return f.value();
    String first = rest.trim().split("[\\s,;()]+", 2)[0];
    return Literals.bare(first);
  }

  /** Index of the first ':' outside quotes and brackets, or -1. */
  static int topLevelColon(String s) {
    boolean dq = false;
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') dq = !dq;
      else if (!dq && (c == '[' || c == '(')) depth++;
      else if (!dq && (c == ']' || c == ')')) depth = Math.max(0, depth - 1);
      else if (!dq && depth == 0 && c == ':') return i;
    }
    return -1;
  }

  /** Splits on ';' outside double quotes, brackets and parentheses. */
  static List<String> splitClauses(String s) {
    List<String> out = new ArrayList<>();
    boolean dq = false;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) dq = !dq;
      else if (!dq && (c == '[' || c == '(')) depth++;
      else if (!dq && (c == ']' || c == ')')) depth = Math.max(0, depth - 1);
      else if (!dq && depth == 0 && c == ';') {
        add(out, s.substring(start, i));
        start = i + 1;
      }
    }
    add(out, s.substring(start));
    return out;
  }

  private static void add(List<String> out, String part) {
    if (!part.isBlank()) out.add(part.trim());
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
