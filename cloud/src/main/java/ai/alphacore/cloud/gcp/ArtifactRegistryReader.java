package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** google_artifact_registry_repository from Artifact Registry v1. */
final class ArtifactRegistryReader extends BaseReader {
  private static final Pattern ID = Pattern.compile("^projects/([^/]+)/locations/([^/]+)/repositories/([^/]+)$");

  ArtifactRegistryReader() {
    super("google_artifact_registry_repository");
  }

  @Override
  public Candidate candidate(JsonNode a, String declared) {
    String id = Ids.str(a, "id");
    String repo = Ids.str(a, "repository_id");
    if (repo == null) repo = Ids.group(ID, id, 3);
    if (repo == null) repo = Ids.last(Ids.str(a, "name"));
    String location = Ids.str(a, "location");
    if (location == null) location = Ids.group(ID, id, 2);
    String p = projectOf(a, declared, "id");
    Candidate c = checkProject(p, declared);
    if (c != null) return c;
    if (!Ids.ok(Ids.RFC1035, repo)) return bad("repository id '" + repo + "' is not a valid repository id");
    if (!Ids.ok(Ids.LOCATION, location)) return bad("repository location '" + location + "' is not a location");
    return ok(p, location, repo);
  }

  @Override
  public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
    String path = "/v1/projects/" + Paths.seg(ref.project()) + "/locations/" + Paths.seg(ref.id(0)) + "/repositories/" + Paths.seg(ref.id(1));
    Optional<JsonNode> got = ctx.get(GcpService.ARTIFACT_REGISTRY, path, ref, "repository");
    if (got.isEmpty()) return Optional.empty();
    JsonNode n = got.get();
    String name = s(n, "name", "");
    if (!ctx.owned(ref, projectInPath(name)) || !ctx.carriesNonce(ref, n.get("labels"))) return Optional.empty();
    String location = Ids.group(ID, name, 2);
    ObjectNode t = o();
    t.set("cleanup_policies", a());
    t.put("cleanup_policy_dry_run", b(n, "cleanupPolicyDryRun", false));
    t.put("create_time", s(n, "createTime", ""));
    t.put("description", s(n, "description", ""));
    t.set("docker_config", a());
    labels(t, n.get("labels"));
    t.put("format", s(n, "format", ""));
    t.put("id", name);
    t.put("kms_key_name", s(n, "kmsKeyName", ""));
    t.put("location", location == null ? ref.id(0) : location);
    t.set("maven_config", a());
    t.put("mode", s(n, "mode", "STANDARD_REPOSITORY"));
    t.put("name", Ids.last(name));
    t.put("project", ctx.project());
    t.put("registry_uri", s(n, "registryUri", ""));
    t.set("remote_repository_config", a());
    t.put("repository_id", Ids.last(name));
    t.putNull("timeouts");
    t.put("update_time", s(n, "updateTime", ""));
    t.set("virtual_repository_config", a());
    JsonNode v = n.path("vulnerabilityScanningConfig");
    t.putArray("vulnerability_scanning_config").addObject()
        .put("enablement_config", s(v, "enablementConfig", ""))
        .put("enablement_state", s(v, "enablementState", ""))
        .put("enablement_state_reason", s(v, "enablementStateReason", ""));
    return Optional.of(t);
  }
}
