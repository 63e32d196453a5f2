package ai.alphacore.sandbox.lint;

import ai.alphacore.sandbox.lint.HclLexer.Kind;
import ai.alphacore.sandbox.lint.HclLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses HCL native syntax into {@link Hcl.Body}. Expressions are only understood as far as the
 * lint rules need (string literals, object constructors); the rest is skipped with brackets
 * balanced, so any valid configuration parses.
 */
public final class HclParser {
  private static final int MAX_DEPTH = 64;
  private final List<Token> t;
  private int p;
  private int depth;

  private HclParser(List<Token> tokens) {
    this.t = tokens;
  }

  public static Hcl.Body parse(String source) throws Hcl.SyntaxException {
    HclParser parser = new HclParser(HclLexer.lex(source));
    Hcl.Body b = parser.body(false);
    if (parser.peek().kind() != Kind.EOF) throw parser.error("unexpected '" + parser.peek().text() + "'");
    return b;
  }

  private Token peek() {
    return t.get(p);
  }

  private Token next() {
    return t.get(p++);
  }

  private Hcl.SyntaxException error(String msg) {
    return new Hcl.SyntaxException(peek().line(), msg);
  }

  private Hcl.Body body(boolean nested) throws Hcl.SyntaxException {
    if (++depth > MAX_DEPTH) throw error("blocks nested too deep");
    List<Hcl.Attribute> attrs = new ArrayList<>();
    List<Hcl.Block> blocks = new ArrayList<>();
    while (true) {
      Token tok = peek();
      if (tok.kind() == Kind.NEWLINE) {
        p++;
        continue;
      }
      if (tok.kind() == Kind.EOF || (nested && tok.kind() == Kind.RBRACE)) break;
      if (tok.kind() != Kind.IDENT) throw error("expected an attribute or block, found '" + tok.text() + "'");
      p++;
      if (peek().kind() == Kind.EQ) {
        p++;
        attrs.add(new Hcl.Attribute(tok.text(), expr(), tok.line()));
        endOfItem(nested);
        continue;
      }
      List<String> labels = new ArrayList<>();
      while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
        Token l = next();
        labels.add(l.kind() == Kind.STRING ? (l.value() != null ? l.value() : l.text()) : l.text());
      }
      if (peek().kind() != Kind.LBRACE) throw error("expected '{' after block " + tok.text());
      p++;
      Hcl.Body inner = body(true);
      if (peek().kind() != Kind.RBRACE) throw error("expected '}' closing block " + tok.text());
      p++;
      blocks.add(new Hcl.Block(tok.text(), labels, inner, tok.line()));
      endOfItem(nested);
    }
    depth--;
    return new Hcl.Body(attrs, blocks);
  }

  private void endOfItem(boolean nested) throws Hcl.SyntaxException {
    Kind k = peek().kind();
    if (k == Kind.NEWLINE || k == Kind.EOF || (nested && k == Kind.RBRACE)) return;
    throw error("expected a newline, found '" + peek().text() + "'");
  }

  /** One expression, up to a newline, comma or closing bracket at depth 0. */
  private Hcl.Expr expr() throws Hcl.SyntaxException {
    Token first = peek();
    Hcl.Expr primary = null;
    if (first.kind() == Kind.LBRACE) {
      primary = object();
    } else if (first.kind() == Kind.STRING && first.value() != null) {
      p++;
      primary = new Hcl.Literal(first.value(), first.line());
    }
    StringBuilder text = new StringBuilder();
    boolean more = false;
    int nest = 0;
    while (true) {
      Token tok = peek();
      Kind k = tok.kind();
      if (k == Kind.EOF) break;
      if (nest == 0 && (k == Kind.NEWLINE || k == Kind.COMMA || k == Kind.RBRACE || k == Kind.RBRACK || k == Kind.RPAREN)) break;
      if (k == Kind.LBRACE || k == Kind.LBRACK || k == Kind.LPAREN) nest++;
      if (k == Kind.RBRACE || k == Kind.RBRACK || k == Kind.RPAREN) nest--;
      if (nest > MAX_DEPTH) throw error("expression nested too deep");
      text.append(tok.text()).append(k == Kind.NEWLINE ? "" : " ");
      more = true;
      p++;
    }
    if (primary != null && !more) return primary;
    if (primary == null && !more) throw new Hcl.SyntaxException(first.line(), "expected an expression");
    return new Hcl.Other((primary instanceof Hcl.Literal l ? "\"" + l.value() + "\" " : "") + text.toString().strip(), first.line());
  }

  /** An object constructor: { key = value, "key" : value ... }. */
  private Hcl.Expr object() throws Hcl.SyntaxException {
    if (++depth > MAX_DEPTH) throw error("expression nested too deep");
    Token open = next();
    List<Hcl.Attribute> items = new ArrayList<>();
    while (true) {
      while (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.COMMA) p++;
      Token key = peek();
      if (key.kind() == Kind.RBRACE) {
        p++;
        break;
      }
      if (key.kind() == Kind.EOF) throw error("unterminated object");
      String name;
      if (key.kind() == Kind.IDENT || key.kind() == Kind.STRING || key.kind() == Kind.NUMBER) {
        p++;
        name = key.kind() == Kind.STRING && key.value() != null ? key.value() : key.text();
      } else if (key.kind() == Kind.LPAREN) {
        name = expr().toString();
        if (peek().kind() == Kind.RPAREN) p++;
      } else {
        // e.g. a for expression: { for k, v in x : k => v }; skip to the closing brace.
        skipTo(Kind.RBRACE);
        p++;
        depth--;
        return new Hcl.Other("{...}", open.line());
      }
      if (peek().kind() != Kind.EQ && peek().kind() != Kind.COLON) {
        skipTo(Kind.RBRACE);
        p++;
        depth--;
        return new Hcl.Other("{...}", open.line());
      }
      p++;
      items.add(new Hcl.Attribute(name, expr(), key.line()));
    }
    depth--;
    return new Hcl.ObjectExpr(items, open.line());
  }

  private void skipTo(Kind close) throws Hcl.SyntaxException {
    int nest = 0;
    while (true) {
      Kind k = peek().kind();
      if (k == Kind.EOF) throw error("unterminated bracket");
      if (nest == 0 && k == close) return;
      if (k == Kind.LBRACE || k == Kind.LBRACK || k == Kind.LPAREN) nest++;
      if (k == Kind.RBRACE || k == Kind.RBRACK || k == Kind.RPAREN) nest--;
      p++;
    }
  }
}
