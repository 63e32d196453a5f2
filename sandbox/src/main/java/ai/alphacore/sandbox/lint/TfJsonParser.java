package ai.alphacore.sandbox.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Terraform's JSON syntax ({@code *.tf.json}) into the same {@link Hcl.Body} model, with
 * the block nesting Terraform gives each top-level key and line numbers from the parser.
 */
public final class TfJsonParser {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
  private static final Map<String, Integer> TOP_LABELS =
      Map.of("resource", 2, "data", 2, "provider", 1, "module", 1, "variable", 1, "output", 1, "terraform", 0, "locals", 0);

  private TfJsonParser() {}

  private sealed interface J {
    int line();
  }

  private record JObj(List<Member> members, int line) implements J {}

  private record Member(String key, J value, int line) {}

  private record JArr(List<J> items, int line) implements J {}

  private record JStr(String value, int line) implements J {}

  private record JOther(String text, int line) implements J {}

  public static Hcl.Body parse(byte[] json) throws Hcl.SyntaxException {
    J root;
    try (JsonParser jp = FACTORY.createParser(json)) {
      jp.nextToken();
      root = read(jp);
      if (jp.nextToken() != null) throw new Hcl.SyntaxException(jp.currentLocation().getLineNr(), "trailing data after the JSON document");
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
          ? jpe.getLocation().getLineNr() : 1;
      throw new Hcl.SyntaxException(Math.max(1, line), "invalid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(root instanceof JObj top)) throw new Hcl.SyntaxException(root.line(), "a .tf.json file must hold one JSON object");
    List<Hcl.Block> blocks = new ArrayList<>();
    for (Member m : top.members()) {
      if (m.key().equals("//")) continue;
      blocks.addAll(blocks(m.key(), TOP_LABELS.getOrDefault(m.key(), 0), m.value(), List.of(), m.line()));
    }
    return new Hcl.Body(List.of(), blocks);
  }

  private static J read(JsonParser jp) throws IOException {
    int line = jp.currentTokenLocation().getLineNr();
    JsonToken tok = jp.currentToken();
    if (tok == JsonToken.START_OBJECT) {
      List<Member> ms = new ArrayList<>();
      while (jp.nextToken() == JsonToken.FIELD_NAME) {
        String key = jp.currentName();
        int kl = jp.currentTokenLocation().getLineNr();
        jp.nextToken();
        ms.add(new Member(key, read(jp), kl));
      }
      return new JObj(ms, line);
    }
    if (tok == JsonToken.START_ARRAY) {
      List<J> items = new ArrayList<>();
      while (jp.nextToken() != JsonToken.END_ARRAY) items.add(read(jp));
      return new JArr(items, line);
    }
    if (tok == JsonToken.VALUE_STRING) return new JStr(jp.getText(), line);
    return new JOther(jp.getText(), line);
  }

  /** Blocks of one type: the first {@code labels} object levels are labels, then the body. */
  private static List<Hcl.Block> blocks(String type, int labels, J v, List<String> got, int line) {
    List<Hcl.Block> out = new ArrayList<>();
    if (v instanceof JArr a) {
      for (J item : a.items()) out.addAll(blocks(type, labels, item, got, item.line()));
      return out;
    }
    if (labels > got.size() && v instanceof JObj o) {
      for (Member m : o.members()) {
        List<String> more = new ArrayList<>(got);
        more.add(m.key());
        out.addAll(blocks(type, labels, m.value(), more, m.line()));
      }
      return out;
    }
    out.add(new Hcl.Block(type, got, body(type, v), line));
    return out;
  }

  private static Hcl.Body body(String blockType, J v) {
    List<Hcl.Attribute> attrs = new ArrayList<>();
    List<Hcl.Block> blocks = new ArrayList<>();
    if (v instanceof JObj o) {
      for (Member m : o.members()) {
        String k = m.key();
        if (k.equals("//")) continue;
        switch (blockType + "/" + k) {
          case "resource/provisioner", "data/provisioner" -> blocks.addAll(blocks("provisioner", 1, m.value(), List.of(), m.line()));
          case "terraform/backend" -> blocks.addAll(blocks("backend", 1, m.value(), List.of(), m.line()));
          case "terraform/cloud" -> blocks.addAll(blocks("cloud", 0, m.value(), List.of(), m.line()));
          case "terraform/required_providers" -> blocks.addAll(blocks("required_providers", 0, m.value(), List.of(), m.line()));
          default -> attrs.add(new Hcl.Attribute(k, expr(m.value()), m.line()));
        }
      }
    }
    return new Hcl.Body(attrs, blocks);
  }

  private static Hcl.Expr expr(J v) {
    return switch (v) {
      case JStr s -> new Hcl.Literal(s.value(), s.line());
      case JObj o -> new Hcl.ObjectExpr(o.members().stream().map(m -> new Hcl.Attribute(m.key(), expr(m.value()), m.line())).toList(), o.line());
      case JArr a -> new Hcl.Other("[...]", a.line());
      case JOther x -> new Hcl.Other(x.text(), x.line());
    };
  }
}
