package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Shared pieces of the per-type readers: candidate results and provider-shaped attribute values. */
abstract class BaseReader implements ResourceReader {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern PROJECT_IN_PATH = Pattern.compile("(?:^|/)projects/([^/]+)/");

  private final String type;

  BaseReader(String type) {
    this.type = type;
  }

  @Override
  public final String type() {
    return type;
  }

  Candidate ok(String project, String... ids) {
    return new Candidate.Ok(new ResourceRef(type, project, List.of(ids)));
  }

  Candidate bad(String message) {
    return new Candidate.Rejected("BAD_ID", message);
  }

  /**
   * The project the miner names for a resource: its {@code project} attribute, else the one in
   * {@code path} (an id or self link), else the declared project. A project other than the
   * declared one is refused here, before any call; numbers are checked after the read.
   */
  Candidate checkProject(String project, String declared) {
    if (project == null) return null;
    if (Ids.ok(Ids.PROJECT_NUMBER, project)) return null;
    if (!Ids.ok(Ids.PROJECT, project)) return bad("project '" + project + "' is not a valid project id");
    if (!project.equals(declared)) {
      return new Candidate.Rejected("NOT_OWNED", "named in project " + project + ", not the declared project " + declared);
    }
    return null;
  }

  static String projectOf(JsonNode attrs, String declared, String... paths) {
    String p = Ids.str(attrs, "project");
    if (p != null) return p;
    for (String path : paths) {
      String v = Ids.str(attrs, path);
      String g = Ids.group(PROJECT_IN_PATH, v, 1);
      if (g != null) return g;
    }
    return declared;
  }

  /** The project named in a resource path or self link ({@code .../projects/P/...}). */
  static String projectInPath(String path) {
    return Ids.group(PROJECT_IN_PATH, path, 1);
  }

  static ObjectNode o() {
    return F.objectNode();
  }

  static ArrayNode a() {
    return F.arrayNode();
  }

  static String s(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  static boolean b(JsonNode n, String field, boolean dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asBoolean(dflt);
  }

  static long num(JsonNode n, String field, long dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return dflt;
    if (v.isNumber()) return v.asLong();
    try {
      return Long.parseLong(v.asText());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  /**
   * Provider label triple: {@code labels} (user labels, null when none), {@code effective_labels}
   * and {@code terraform_labels} (all labels the API holds).
   */
  static void labels(ObjectNode attrs, JsonNode apiLabels) {
    ObjectNode user = o();
    ObjectNode all = o();
    if (apiLabels != null && apiLabels.isObject()) {
      for (Map.Entry<String, JsonNode> e : apiLabels.properties()) {
        all.put(e.getKey(), e.getValue().asText());
        if (!e.getKey().equals("goog-terraform-provisioned")) user.put(e.getKey(), e.getValue().asText());
      }
    }
    attrs.set("effective_labels", all);
    attrs.set("labels", user.isEmpty() ? F.nullNode() : user);
    attrs.set("terraform_labels", all.deepCopy());
  }

  static ArrayNode strings(JsonNode arr) {
    ArrayNode out = a();
    if (arr != null && arr.isArray()) for (JsonNode x : arr) out.add(x.asText());
    return out;
  }

  static ObjectNode nullTimeouts(ObjectNode attrs) {
    attrs.putNull("timeouts");
    return attrs;
  }
}
