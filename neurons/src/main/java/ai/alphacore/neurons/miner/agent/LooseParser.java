package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best effort for prompts without numbered lines (an LLM rewrite): sentences are attributed to
 * the resource they mention first, each quoted value (or bare number) to the words before it.
 * A sentence naming a resource that already has a name, without a new name, adds to that
 * resource; a sentence without a mention adds to the last one. Boilerplate (the affix note,
 * the grant, the submission sentence) is dropped first; scripts are kept line by line.
 */
final class LooseParser {
  private static final String[][] MENTIONS = {
      {"secret (?:iam )?(?:binding|member)|secret accessor (?:binding|grant)", ResourceKinds.SECRET_IAM},
      {"service account (?:iam )?(?:binding|member)", ResourceKinds.SA_IAM},
      {"bucket (?:iam )?(?:binding|member)", ResourceKinds.BUCKET_IAM},
      {"project (?:iam )?(?:binding|member)", ResourceKinds.PROJECT_IAM},
      {"custom (?:iam )?role", ResourceKinds.CUSTOM_ROLE},
      {"secret version", ResourceKinds.SECRET_VERSION},
      {"(?:secret manager )?secret", ResourceKinds.SECRET},
      {"service account", ResourceKinds.SERVICE_ACCOUNT},
      {"(?:dns )?record(?: set)?", ResourceKinds.DNS_RECORD},
      {"(?:cloud )?dns (?:managed )?zone|managed zone|dns zone", ResourceKinds.DNS_ZONE},
      {"(?:pub/?sub )?subscription", ResourceKinds.SUBSCRIPTION},
      {"(?:cloud )?scheduler(?: job)?", ResourceKinds.SCHEDULER},
      {"(?:pub/?sub )?topic", ResourceKinds.TOPIC},
      {"(?:logging |log )sink", ResourceKinds.SINK},
      {"(?:bucket |storage )?object", ResourceKinds.OBJECT},
      {"(?:cloud storage |gcs |storage )?bucket", ResourceKinds.BUCKET},
      {"artifact registry(?: repository| repo)?|(?:docker|python) repository", ResourceKinds.ARTIFACT},
      {"firewall(?: rule)?", ResourceKinds.FIREWALL},
      {"subnetwork|subnet", ResourceKinds.SUBNETWORK},
      {"virtual machine|compute engine (?:vm|instance)|vm instance|vm|instance", ResourceKinds.INSTANCE},
      {"vpc(?: network)?|network", ResourceKinds.NETWORK}};
  private static final Pattern MENTION;
  private static final Pattern BARE = Pattern.compile("(?<![\\w./:-])(-?\\d{1,6}|true|false)(?![\\w./:%-])");
  /** Sentences that are the prompt's boilerplate, not resource requirements. */
  private static final Pattern BOILER = Pattern.compile(
      "(?i)\\bzip\\b|^grant\\s|where a value \"(?:starts|ends) with\"|x alone does not pass|keep each affix|wherever the resource is referenced");
  private static final Pattern SCRIPT_REF = Pattern.compile("\\bSCRIPT(\\d+)\\b");
  private static final Pattern JOINERS = Pattern.compile(
      "(?i)\\b(?:and|plus|also|then)\\b|(?<!\\b(?:starts|start|ends|end|begins|begin|starting|ending|beginning|prefixed|suffixed)\\s{1,3})\\bwith\\b");
  /** Longer sentences are no requirement a generator writes; skipping them keeps the regexes linear. */
  private static final int MAX_SENTENCE = 4096;

  static {
    StringBuilder sb = new StringBuilder("(?i)\\b(?:");
    for (int i = 0; i < MENTIONS.length; i++) sb.append(i == 0 ? "" : "|").append("(").append(MENTIONS[i][0]).append(")");
    MENTION = Pattern.compile(sb.append(")s?\\b").toString());
  }

  private record Mention(String type, int start, int end) {}

  List<PromptItem> items(String text, List<String> warnings) {
    List<String> scripts = new ArrayList<>();
    String body = extractScripts(text, scripts);
    List<List<Clause>> clauses = new ArrayList<>();
    List<String> types = new ArrayList<>();
    int sentences = 0;
    for (String s : sentences(body)) {
      if (++sentences > 400) break;
      if (s.length() > MAX_SENTENCE || BOILER.matcher(s).find()) continue;
      List<Mention> ms = mentions(s);
      String subject = ms.isEmpty() ? null : ms.get(0).type();
      int from = ms.isEmpty() ? 0 : ms.get(0).end();
      List<Clause> found = clausesIn(s, from, subject, scripts);
      if (found.isEmpty()) continue;
      String type = subject != null ? subject : types.isEmpty() ? null : types.get(types.size() - 1);
      if (type == null) continue;
      boolean named = found.stream().anyMatch(c -> isName(type, c));
      int target = -1;
      for (int i = types.size() - 1; i >= 0 && !named; i--) {
        if (types.get(i).equals(type)) {
          target = i;
          break;
        }
      }
      if (target < 0) {
        if (types.size() >= PromptParser.MAX_ITEMS) break;
        types.add(type);
        clauses.add(new ArrayList<>());
        target = types.size() - 1;
      }
      clauses.get(target).addAll(found);
    }
    List<PromptItem> items = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) items.add(new PromptItem(i + 1, types.get(i), types.get(i), clauses.get(i)));
    if (items.isEmpty()) warnings.add("no resource with a value was found in the free text");
    return items;
  }

  private static boolean isName(String type, Clause c) {
    String a = ResourceKinds.nameAttr(type);
    return a != null && a.equals(ResourceKinds.attribute(type, c.field()));
  }

  /** Each quoted value, list or bare number after {@code from}, with the words before it as its field. */
  private static List<Clause> clausesIn(String s, int from, String subject, List<String> scripts) {
    List<Clause> out = new ArrayList<>();
    int pos = from;
    for (int guard = 0; pos < s.length() && guard < 64; guard++) {
      Literals.Found q = Literals.firstQuoted(s, pos);
      Matcher b = BARE.matcher(s);
      boolean bare = b.find(pos) && (q == null || b.start() < q.start());
      Matcher sc = SCRIPT_REF.matcher(s);
      boolean script = sc.find(pos) && (q == null || sc.start() < q.start()) && (!bare || sc.start() < b.start());
      int start;
      int end;
      if (script) {
        start = sc.start();
        end = sc.end();
      } else if (bare) {
        start = b.start();
        end = b.end();
      } else if (q != null) {
        start = q.start();
        end = q.end();
      } else {
        break;
      }
      String words = s.substring(pos, start).replaceAll("(?i)\\bcalled\\b", "named");
      // The subject said again ("a virtual machine named ...") is no field; another resource is (a reference).
      int cut = 0;
      for (Mention m : mentions(words)) if (m.type().equals(subject)) cut = m.end();
      words = words.substring(cut);
      String field = tail(words);
      if (script) {
        int n = Integer.parseInt(sc.group(1));
        if (n < scripts.size()) out.add(new Clause("startup script", Qualifier.VALUE, JsonNodeFactory.instance.textNode(scripts.get(n)), 0));
      } else {
        Clause c = PromptParser.clause((field.isEmpty() ? "name" : field) + " " + s.substring(start, end));
        if (c != null) out.add(c);
      }
      pos = end;
    }
    return out;
  }

  /** The last few words before a value (its field and qualifier), from the last comma or "and". */
  private static String tail(String words) {
    String w = JOINERS.matcher(words).replaceAll(",");
    int cut = w.lastIndexOf(',');
    String t = (cut < 0 ? w : w.substring(cut + 1)).trim();
    String[] parts = t.split("\\s+");
    int keep = Math.min(parts.length, 8);
    return String.join(" ", java.util.Arrays.copyOfRange(parts, parts.length - keep, parts.length)).trim();
  }

  private static List<Mention> mentions(String s) {
    List<Mention> out = new ArrayList<>();
    Matcher m = MENTION.matcher(s);
    while (m.find()) {
      for (int g = 1; g <= MENTIONS.length; g++) {
        if (m.group(g) != null) {
          out.add(new Mention(MENTIONS[g - 1][1], m.start(), m.end()));
          break;
        }
      }
    }
    return out;
  }

  /** Sentences: split at '.', '!', '?', ';' or a newline followed by space, outside quotes. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    boolean dq = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') dq = !dq;
      boolean end = !dq && (c == '\n' || (c == '.' || c == '!' || c == '?' || c == ';') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
      if (c == '\n') dq = false;
      if (end) {
        if (i > start) out.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    if (start < text.length()) out.add(text.substring(start).trim());
    out.removeIf(String::isEmpty);
    return out;
  }

  /** Script blocks (from a "#!" line to the next blank or prose line) become SCRIPTn placeholders. */
  private static String extractScripts(String text, List<String> scripts) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int bang = l.indexOf("#!");
      if (bang < 0 || scripts.size() >= 8) {
        out.append(l).append('\n');
        continue;
      }
      List<String> block = new ArrayList<>();
      block.add(l.substring(bang).stripTrailing());
      int j = i + 1;
      while (j < lines.length && !lines[j].isBlank() && looksLikeShell(lines[j])) block.add(lines[j++].stripTrailing());
      out.append(l, 0, bang).append(" SCRIPT").append(scripts.size()).append(" .\n");
      scripts.add(String.join("\n", block) + "\n");
      i = j - 1;
    }
    return out.toString();
  }

  private static boolean looksLikeShell(String line) {
    String t = line.trim().toLowerCase(Locale.ROOT);
    if (t.matches("^[a-z]+ [a-z]+ [a-z]+ .*") && !t.matches("^(echo|printf|set|export|sudo|cat|mkdir|/usr/|apt|if|fi|then|else).*")) return false;
    return !t.isEmpty();
  }
}
