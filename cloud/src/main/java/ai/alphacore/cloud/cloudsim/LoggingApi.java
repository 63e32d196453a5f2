package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/** Cloud Logging v2: project log sinks. */
final class LoggingApi {
  private static final Pattern DESTINATION = Pattern.compile(
      "^(storage\\.googleapis\\.com/[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]"
          + "|bigquery\\.googleapis\\.com/projects/[^/]+/datasets/[A-Za-z0-9_]{1,1024}"
          + "|pubsub\\.googleapis\\.com/projects/[^/]+/topics/[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}"
          + "|logging\\.googleapis\\.com/projects/[^/]+/locations/[^/]+/buckets/[^/]+"
          + "|logging\\.googleapis\\.com/projects/[^/]+)$");

  private final Sim sim;

  LoggingApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", "/v2/projects/{project}/sinks", this::create);
    r.add("GET", "/v2/projects/{project}/sinks", q -> sim.page(q, "logging.sink", "projects/" + pid(q, Need.READ), "sinks", "pageSize"));
    r.add("GET", "/v2/projects/{project}/sinks/{sink}", q -> Sim.pub(sink(q, Need.READ)));
    r.add("DELETE", "/v2/projects/{project}/sinks/{sink}", this::delete);
  }

  private Object create(Req r) {
    String project = pid(r, Need.WRITE);
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.check(Names.SINK, name, "sink.name", "Sink names are 1-100 letters, digits, '_', '-' or '.'.");
    String dest = Sim.required(b, "destination", "sink.destination");
    if (!DESTINATION.matcher(dest).matches()) {
      throw ApiException.invalid("Invalid value for field 'sink.destination': '" + dest + "'. Expected storage.googleapis.com/BUCKET, "
          + "bigquery.googleapis.com/projects/P/datasets/D, pubsub.googleapis.com/projects/P/topics/T or logging.googleapis.com/projects/P/locations/L/buckets/B.");
    }
    String filter = b.path("filter").asText("");
    if (filter.length() > 20000) throw ApiException.invalid("Invalid value for field 'sink.filter': longer than 20000 characters.");
    String key = "projects/" + project + "/sinks/" + name;
    if (sim.store.get(key).isPresent()) throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "Sink " + name + " already exists");
    boolean unique = !"false".equalsIgnoreCase(r.q("uniqueWriterIdentity"));
    String now = sim.now();
    ObjectNode s = Sim.obj();
    s.put("name", name);
    s.put("destination", dest);
    s.put("filter", filter);
    s.put("description", b.path("description").asText(""));
    s.put("disabled", b.path("disabled").asBoolean(false));
    if (b.hasNonNull("exclusions")) s.set("exclusions", b.get("exclusions"));
    if (b.hasNonNull("bigqueryOptions")) s.set("bigqueryOptions", b.get("bigqueryOptions"));
    s.put("writerIdentity", unique ? "serviceAccount:service-" + sim.projectNumber(project) + "@gcp-sa-logging.iam.gserviceaccount.com"
        : "serviceAccount:cloud-logs@system.gserviceaccount.com");
    s.put("createTime", now);
    s.put("updateTime", now);
    return sim.insert(key, "logging.sink", project, "projects/" + project, s);
  }

  private ObjectNode sink(Req r, Need need) {
    String project = pid(r, need);
    String key = "projects/" + project + "/sinks/" + r.p("sink");
    return sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "Sink " + r.p("sink") + " does not exist"));
  }

  private Object delete(Req r) {
    ObjectNode s = sink(r, Need.WRITE);
    sim.store.delete(s.path("__key").asText());
    return Sim.obj();
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }
}
