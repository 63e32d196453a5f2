package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/** Artifact Registry v1: repositories, created and deleted through long-running operations. */
final class ArtifactRegistryApi {
  private static final String BASE = "/v1/projects/{project}/locations/{location}";
  private static final Set<String> FORMATS = Set.of("DOCKER", "MAVEN", "NPM", "PYTHON", "APT", "YUM", "GO", "GENERIC", "KFP");
  private static final Set<String> MODES = Set.of("STANDARD_REPOSITORY", "VIRTUAL_REPOSITORY", "REMOTE_REPOSITORY");

  private final Sim sim;

  ArtifactRegistryApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", BASE + "/repositories", this::create);
    r.add("GET", BASE + "/repositories", this::list);
    r.add("GET", BASE + "/repositories/{repository}", this::get);
    r.add("DELETE", BASE + "/repositories/{repository}", this::delete);
    r.add("GET", BASE + "/operations/{operation}", this::operation);
  }

  private Object create(Req r) {
    String project = pid(r, Need.WRITE);
    String location = r.p("location");
    Regions.location(location, true);
    String id = r.q("repositoryId");
    Names.check(Names.ARTIFACT_REPO, id, "repository_id", "Repository ids are 1-63 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit.");
    ObjectNode b = r.json();
    String format = Sim.required(b, "format", "format").toUpperCase(Locale.ROOT);
    if (!FORMATS.contains(format)) throw ApiException.invalid("Invalid value for field 'format': '" + format + "'.");
    String mode = b.path("mode").asText("STANDARD_REPOSITORY");
    if (!MODES.contains(mode)) throw ApiException.invalid("Invalid value for field 'mode': '" + mode + "'.");
    Names.labels(b.get("labels"));
    String key = "projects/" + project + "/locations/" + location + "/repositories/" + id;
    if (sim.store.get(key).isPresent()) throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "the repository already exists");
    String now = sim.now();
    ObjectNode repo = Sim.obj();
    repo.put("name", key);
    repo.put("format", format);
    repo.put("description", b.path("description").asText(""));
    if (b.hasNonNull("labels") && !b.get("labels").isEmpty()) repo.set("labels", b.get("labels"));
    repo.put("createTime", now);
    repo.put("updateTime", now);
    repo.put("mode", mode);
    for (String k : new String[] {"dockerConfig", "mavenConfig", "cleanupPolicies", "kmsKeyName", "cleanupPolicyDryRun"}) if (b.hasNonNull(k)) repo.set(k, b.get(k));
    repo.put("registryUri", location + "-" + format.toLowerCase(Locale.ROOT) + ".pkg.dev/" + project + "/" + id);
    ObjectNode scan = repo.putObject("vulnerabilityScanningConfig");
    scan.put("enablementState", "SCANNING_DISABLED");
    scan.put("enablementStateReason", "API containerscanning.googleapis.com is not enabled.");
    repo.put("satisfiesPzi", true);
    ObjectNode stored = sim.insert(key, "artifactregistry.repository", project, "projects/" + project + "/locations/" + location, repo);
    ObjectNode resp = stored.deepCopy();
    resp.put("@type", "type.googleapis.com/google.devtools.artifactregistry.v1.Repository");
    return operation(project, location, resp);
  }

  private Object list(Req r) {
    String project = pid(r, Need.READ);
    return sim.page(r, "artifactregistry.repository", "projects/" + project + "/locations/" + r.p("location"), "repositories", "pageSize");
  }

  private Object get(Req r) {
    String project = pid(r, Need.READ);
    String key = "projects/" + project + "/locations/" + r.p("location") + "/repositories/" + r.p("repository");
    return Sim.pub(sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "Requested entity was not found.")));
  }

  private Object delete(Req r) {
    String project = pid(r, Need.WRITE);
    String key = "projects/" + project + "/locations/" + r.p("location") + "/repositories/" + r.p("repository");
    if (!sim.store.delete(key)) throw new ApiException(404, "notFound", "NOT_FOUND", "Requested entity was not found.");
    ObjectNode empty = Sim.obj();
    empty.put("@type", "type.googleapis.com/google.protobuf.Empty");
    return operation(project, r.p("location"), empty);
  }

  /** Not done when created; done (with its response) from the first poll on. */
  private ObjectNode operation(String project, String location, ObjectNode response) {
    String name = "projects/" + project + "/locations/" + location + "/operations/" + java.util.UUID.randomUUID();
    ObjectNode op = Sim.obj();
    op.put("name", name);
    ObjectNode md = op.putObject("metadata");
    md.put("@type", "type.googleapis.com/google.devtools.artifactregistry.v1.OperationMetadata");
    md.put("createTime", sim.now());
    op.put("done", false);
    op.set("__response", response);
    return sim.insert(name, "artifactregistry.operation", project, "projects/" + project + "/locations/" + location, op);
  }

  private Object operation(Req r) {
    String project = pid(r, Need.READ);
    String key = "projects/" + project + "/locations/" + r.p("location") + "/operations/" + r.p("operation");
    ObjectNode op = sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "Operation not found."));
    if (!op.path("done").asBoolean()) {
      op.put("done", true);
      op.set("response", op.get("__response"));
      sim.replace(key, op);
    }
    return Sim.pub(op);
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }
}
