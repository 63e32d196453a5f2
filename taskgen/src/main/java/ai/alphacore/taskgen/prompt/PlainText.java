package ai.alphacore.taskgen.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing of LLM text: strips markdown emphasis, code fences and list markers, and
 * non-ASCII characters. Newlines are kept (startup scripts need them), unlike the reference.
 */
public final class PlainText {
  private PlainText() {}

  public static String clean(String s) {
    String t = s.replace("\r\n", "\n").replace("**", "").replace("__", "").replace("`", "");
    StringBuilder ascii = new StringBuilder(t.length());
    for (char c : t.toCharArray()) {
      if (c == '\u2018' || c == '\u2019') ascii.append('\'');
      else if (c == '\u201c' || c == '\u201d') ascii.append('"');
      else if (c == '\u2013' || c == '\u2014') ascii.append('-');
      else if (c == '\n' || c == '\t' || (c >= 32 && c < 127)) ascii.append(c);
    }
    List<String> lines = new ArrayList<>();
    for (String line : ascii.toString().split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.startsWith("#") && !l.startsWith("#!")) l = l.replaceFirst("^#+\\s*", "");
      l = l.replaceFirst("^\\s*[-*]\\s+", "");
      lines.add(l);
    }
    return String.join("\n", lines).strip();
  }
}
