package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** google_logging_project_sink from Cloud Logging v2. */
final class LoggingReader extends BaseReader {
  private static final Pattern SINK = Pattern.compile("^projects/([^/]+)/sinks/([^/]+)$");

  LoggingReader() {
    super("google_logging_project_sink");
  }

  @Override
  public Candidate candidate(JsonNode a, String declared) {
    String name = Ids.str(a, "name");
    if (name == null) name = Ids.group(SINK, Ids.str(a, "id"), 2);
    String p = projectOf(a, declared, "id");
    Candidate c = checkProject(p, declared);
    if (c != null) return c;
    if (!Ids.ok(Ids.SINK, name) || name.equals(".") || name.equals("..")) return bad("sink name '" + name + "' is not valid");
    return ok(p, name);
  }

  @Override
  public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
    Optional<JsonNode> got = ctx.get(GcpService.LOGGING, "/v2/projects/" + Paths.seg(ref.project()) + "/sinks/" + Paths.seg(ref.id(0)), ref, "log sink");
    if (got.isEmpty()) return Optional.empty();
    JsonNode n = got.get();
    if (!ctx.owned(ref, ref.project())) return Optional.empty();
    String writer = s(n, "writerIdentity", "");
    ObjectNode t = o();
    t.set("bigquery_options", a());
    t.putNull("custom_writer_identity");
    t.put("description", s(n, "description", ""));
    t.put("destination", s(n, "destination", ""));
    t.put("disabled", b(n, "disabled", false));
    t.set("exclusions", a());
    t.put("filter", s(n, "filter", ""));
    t.put("id", "projects/" + ctx.project() + "/sinks/" + s(n, "name", ""));
    t.put("name", s(n, "name", ""));
    t.put("project", ctx.project());
    t.put("unique_writer_identity", writer.startsWith("serviceAccount:service-"));
    t.put("writer_identity", writer);
    return Optional.of(t);
  }
}
