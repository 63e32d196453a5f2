package ai.alphacore.sandbox.lint;

import java.util.List;

/**
 * The little of HCL the linter needs: blocks with labels, attributes, and for values only string
 * literals and object constructors (everything else is kept as opaque text). Lines are 1-based.
 */
public final class Hcl {
  private Hcl() {}

  public record Body(List<Attribute> attributes, List<Block> blocks) {
    public Body {
      attributes = List.copyOf(attributes);
      blocks = List.copyOf(blocks);
    }

    public List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    public Attribute attribute(String name) {
      return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
  }

  public record Block(String type, List<String> labels, Body body, int line) {
    public String label(int i) {
      return i < labels.size() ? labels.get(i) : "";
    }
  }

  public record Attribute(String name, Expr value, int line) {}

  public sealed interface Expr {
    int line();

    /** The value when this is a plain string with no interpolation, else null. */
    default String literal() {
      return this instanceof Literal l ? l.value() : null;
    }
  }

  public record Literal(String value, int line) implements Expr {}

  public record ObjectExpr(List<Attribute> items, int line) implements Expr {
    public Attribute item(String key) {
      return items.stream().filter(a -> a.name().equals(key)).findFirst().orElse(null);
    }
  }

  /** Any other expression; {@code text} is its source, for messages. */
  public record Other(String text, int line) implements Expr {}

  /** A file the linter cannot read as Terraform. */
  public static final class SyntaxException extends Exception {
    private final int line;

    public SyntaxException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
