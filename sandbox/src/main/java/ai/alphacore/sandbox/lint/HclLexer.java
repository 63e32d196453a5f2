package ai.alphacore.sandbox.lint;

import java.util.ArrayList;
import java.util.List;

/** Tokenizes HCL native syntax: comments, quoted templates, heredocs, brackets, identifiers. */
final class HclLexer {
  enum Kind { IDENT, STRING, HEREDOC, NUMBER, LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN, EQ, COLON, COMMA, NEWLINE, OTHER, EOF }

  /** {@code value} is the decoded literal for a STRING without interpolation, else null. */
  record Token(Kind kind, String text, String value, int line) {}

  private final String s;
  private int i;
  private int line = 1;
  private final List<Token> out = new ArrayList<>();

  private HclLexer(String s) {
    this.s = s;
  }

  static List<Token> lex(String source) throws Hcl.SyntaxException {
    HclLexer l = new HclLexer(source);
    l.run();
    return l.out;
  }

  private void add(Kind k, String text, String value, int ln) {
    out.add(new Token(k, text, value, ln));
  }

  private void run() throws Hcl.SyntaxException {
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      int ln = line;
      if (c == '\n') {
        add(Kind.NEWLINE, "\n", null, line);
        line++;
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        i++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (c == '/' && peek(1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) throw new Hcl.SyntaxException(ln, "unterminated /* comment");
        countLines(i, end + 2);
        i = end + 2;
      } else if (c == '"') {
        string(ln);
      } else if (c == '<' && peek(1) == '<' && (Character.isLetter(peek(2)) || (peek(2) == '-' && Character.isLetter(peek(3))))) {
        heredoc(ln);
      } else if (Character.isLetter(c) || c == '_') {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) i++;
        add(Kind.IDENT, s.substring(start, i), null, ln);
      } else if (Character.isDigit(c)) {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
        add(Kind.NUMBER, s.substring(start, i), null, ln);
      } else {
        i++;
        Kind k = switch (c) {
          case '{' -> Kind.LBRACE;
          case '}' -> Kind.RBRACE;
          case '[' -> Kind.LBRACK;
          case ']' -> Kind.RBRACK;
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case ',' -> Kind.COMMA;
          case ':' -> Kind.COLON;
          case '=' -> {
            if (peek(0) == '=' || peek(0) == '>') {
              i++;
              yield Kind.OTHER;
            }
            yield Kind.EQ;
          }
          default -> {
            if ((c == '!' || c == '<' || c == '>') && peek(0) == '=') i++;
            yield Kind.OTHER;
          }
        };
        add(k, s.substring(start, i), null, ln);
      }
    }
    add(Kind.EOF, "", null, line);
  }

  private char peek(int k) {
    return i + k < s.length() ? s.charAt(i + k) : '\0';
  }

  private void countLines(int from, int to) {
    for (int k = from; k < to; k++) if (s.charAt(k) == '\n') line++;
  }

  /** A quoted template; interpolations may nest strings and braces. */
  private void string(int ln) throws Hcl.SyntaxException {
    int start = i;
    i++;
    StringBuilder val = new StringBuilder();
    boolean interpolated = false;
    while (true) {
      if (i >= s.length()) throw new Hcl.SyntaxException(ln, "unterminated string");
      char c = s.charAt(i);
      if (c == '"') {
        i++;
        break;
      }
      if (c == '\n') throw new Hcl.SyntaxException(ln, "newline inside a quoted string");
      if (c == '\\') {
        char n = peek(1);
        val.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
        i += 2;
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        val.append(c).append('{');
        i += 3;
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == '{') {
        interpolated = true;
        i += 2;
        skipTemplateExpr(ln);
        continue;
      }
      val.append(c);
      i++;
    }
    add(Kind.STRING, s.substring(start, i), interpolated ? null : val.toString(), ln);
  }

  /** Skips to the brace closing an interpolation, minding nested strings and braces. */
  private void skipTemplateExpr(int ln) throws Hcl.SyntaxException {
    int depth = 1;
    while (depth > 0) {
      if (i >= s.length()) throw new Hcl.SyntaxException(ln, "unterminated template interpolation");
      char c = s.charAt(i);
      if (c == '"') {
        int before = out.size();
        string(line);
        out.subList(before, out.size()).clear();
        continue;
      }
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == '\n') line++;
      i++;
    }
  }

  private void heredoc(int ln) throws Hcl.SyntaxException {
    int start = i;
    i += 2;
    if (peek(0) == '-') i++;
    int m = i;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
    String marker = s.substring(m, i);
    while (i < s.length() && s.charAt(i) != '\n') i++;
    while (true) {
      if (i >= s.length()) throw new Hcl.SyntaxException(ln, "unterminated heredoc <<" + marker);
      i++; // the newline
      line++;
      int eol = s.indexOf('\n', i);
      if (eol < 0) eol = s.length();
      String content = s.substring(i, eol).strip();
      i = eol;
      if (content.equals(marker)) break;
    }
    add(Kind.HEREDOC, s.substring(start, i), null, ln);
  }
}
