package ai.alphacore.neurons.miner.agent;

import ai.alphacore.cloud.CloudError;
import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import ai.alphacore.cloud.gcp.Candidate;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.gcp.GcpService;
import ai.alphacore.cloud.gcp.ReadContext;
import ai.alphacore.cloud.gcp.Readers;
import ai.alphacore.cloud.gcp.ResourceReader;
import ai.alphacore.cloud.gcp.ResourceRef;
import ai.alphacore.cloud.gcp.ValidatorFault;
import ai.alphacore.cloud.verify.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deploys a plan through the cloud's REST API (cloudsim, or any endpoint speaking the Google
 * API paths), the way Terraform's apply would: each resource is looked up first (a retried task
 * finds what the last try created), created when absent, then read back; the state is rebuilt
 * from those reads by the cloud module's per-type readers, so every attribute is what the API
 * answered, in the provider's shape. A resource that fails does not stop the others; its
 * dependents are skipped.
 */
public final class ApiDeployer implements Deployer {
  private final URI endpoint;
  private final StateDeployer writer;
  private final GcpHttp client;
  private final Set<String> knownProjects = ConcurrentHashMap.newKeySet();

  public ApiDeployer(URI endpoint, String token) {
    this.endpoint = endpoint;
    this.client = new GcpHttp(GcpEndpoints.single(endpoint), new StaticTokenSource(token, "the agent's config"));
    this.writer = new StateDeployer(endpoint, token);
  }

  @Override
  public Deployment deploy(Plan plan, Path workspace, Instant deadline) {
    List<String> notes = new ArrayList<>();
    String project = plan.project();
    GcpHttp.Session http = client.session();
    ensureProject(http, project, notes);
    List<PlannedResource> rs = plan.resources();
    boolean[] ok = new boolean[rs.size()];
    List<StateWriter.Entry> entries = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < rs.size(); i++) {
      PlannedResource r = rs.get(i);
      String what = r.tfAddress();
      if (deadline != null && Instant.now().isAfter(deadline)) {
        notes.add(what + ": not created, the deadline passed");
        failed++;
        continue;
      }
      final int self = i;
      Optional<Integer> missing = r.dependencies().stream().filter(d -> d != self && d >= 0 && d < ok.length && !ok[d]).findFirst();
      if (missing.isPresent()) {
        notes.add(what + ": skipped, it needs " + rs.get(missing.get()).tfAddress());
        failed++;
        continue;
      }
      try {
        Optional<ObjectNode> got = create(http, r, project, notes);
        if (got.isPresent()) {
          ok[i] = true;
          entries.add(new StateWriter.Entry(r, withConfig(got.get(), r.attrs())));
        } else {
          failed++;
        }
      } catch (CloudError | ValidatorFault e) {
        notes.add(what + ": " + e.getMessage());
        failed++;
      } catch (RuntimeException e) {
        notes.add(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        failed++;
      }
    }
    byte[] state = StateWriter.write(rs, entries, lineageSeed(plan));
    try {
      Files.write(workspace.resolve("terraform.tfstate"), state);
    } catch (java.io.IOException e) {
      notes.add("cannot write terraform.tfstate to the workspace: " + e.getMessage());
    }
    return new Deployment(state, entries.size(), failed, notes);
  }

  /** Same plan, same lineage: a re-solved task writes the same state identity. */
  static String lineageSeed(Plan plan) {
    StringBuilder sb = new StringBuilder(plan.project());
    for (PlannedResource r : plan.resources()) {
      String n = ResourceKinds.nameAttr(r.type());
      sb.append('|').append(r.tfAddress()).append('=').append(n == null ? "" : r.attrs().path(n).asText(""));
    }
    return sb.toString();
  }

  /** Looks the resource up, creates it when absent, and returns the rebuilt attributes. */
  private Optional<ObjectNode> create(GcpHttp.Session http, PlannedResource r, String project, List<String> notes) throws ValidatorFault {
    ResourceReader reader = Readers.of(r.type());
    if (reader == null) {
      notes.add(r.tfAddress() + ": the agent cannot create " + r.type());
      return Optional.empty();
    }
    if (r.type().equals(ResourceKinds.SECRET_VERSION)) return secretVersion(http, reader, r, project, notes);
    Candidate c = reader.candidate(r.attrs(), project);
    if (c instanceof Candidate.Rejected rej) {
      notes.add(r.tfAddress() + ": " + rej.message());
      return Optional.empty();
    }
    ResourceRef ref = ((Candidate.Ok) c).ref();
    Optional<ObjectNode> existing = reader.read(ref, new ReadContext(http, project, null));
    if (existing.isPresent()) return existing;
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    ObjectNode res = state.putArray("resources").addObject().put("mode", "managed").put("type", r.type());
    res.putArray("instances").addObject().set("attributes", r.attrs());
    synchronized (writer) { // StateDeployer counts its calls without locking
      writer.deploy(state, project);
    }
    ReadContext ctx = new ReadContext(http, project, null);
    Optional<ObjectNode> got = reader.read(ref, ctx);
    if (got.isEmpty()) {
      List<String> why = ctx.faults().stream().map(Fault::message).toList();
      notes.add(r.tfAddress() + ": created but cannot be read back" + (why.isEmpty() ? "" : ": " + why.get(0)));
    }
    return got;
  }

  /**
   * A secret version's number is the API's to choose: reuse an enabled version holding the same
   * payload (a retried task), else add one; then read the chosen version back.
   */
  private Optional<ObjectNode> secretVersion(GcpHttp.Session http, ResourceReader reader, PlannedResource r, String project, List<String> notes)
      throws ValidatorFault {
    String secret = r.attrs().path("secret").asText("");
    String id = secret.substring(secret.lastIndexOf('/') + 1);
    String data = r.attrs().path("secret_data").asText("");
    String base = "/v1/projects/" + project + "/secrets/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    String version = versionHolding(http, base, data);
    if (version == null) {
      ObjectNode state = JsonNodeFactory.instance.objectNode();
      ObjectNode res = state.putArray("resources").addObject().put("mode", "managed").put("type", r.type());
      res.putArray("instances").addObject().set("attributes", r.attrs());
      synchronized (writer) {
        writer.deploy(state, project);
      }
      version = versionHolding(http, base, data);
    }
    if (version == null) {
      notes.add(r.tfAddress() + ": the new version cannot be found");
      return Optional.empty();
    }
    ObjectNode attrs = r.attrs().deepCopy().put("version", version);
    Candidate c = reader.candidate(attrs, project);
    if (c instanceof Candidate.Rejected rej) {
      notes.add(r.tfAddress() + ": " + rej.message());
      return Optional.empty();
    }
    return reader.read(((Candidate.Ok) c).ref(), new ReadContext(http, project, null));
  }

  /** The newest enabled version whose payload is {@code data}, or null. */
  private static String versionHolding(GcpHttp.Session http, String secretPath, String data) throws ValidatorFault {
    GcpHttp.Response list = http.get(GcpService.SECRET_MANAGER, secretPath + "/versions");
    if (!list.ok()) return null;
    String best = null;
    for (JsonNode v : list.body().path("versions")) {
      String name = v.path("name").asText("");
      String num = name.substring(name.lastIndexOf('/') + 1);
      if (!num.matches("[0-9]{1,9}") || !"ENABLED".equals(v.path("state").asText("ENABLED"))) continue;
      GcpHttp.Response got = http.get(GcpService.SECRET_MANAGER, secretPath + "/versions/" + num + ":access");
      if (!got.ok()) continue;
      String payload;
      try {
        payload = new String(java.util.Base64.getDecoder().decode(got.body().path("payload").path("data").asText("")), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (payload.equals(data) && (best == null || Integer.parseInt(num) > Integer.parseInt(best))) best = num;
    }
    return best;
  }

  /**
   * Arguments the API never returns but the provider keeps in state from the configuration
   * (object content, force_destroy, ...): filled in where the rebuilt attributes lack them.
   */
  static ObjectNode withConfig(ObjectNode rebuilt, ObjectNode config) {
    for (Map.Entry<String, JsonNode> e : config.properties()) {
      JsonNode have = rebuilt.get(e.getKey());
      boolean configOnly = CONFIG_ONLY.contains(e.getKey());
      if ((configOnly || have == null || have.isNull()) && !e.getValue().isContainerNode()) rebuilt.set(e.getKey(), e.getValue());
    }
    return rebuilt;
  }

  /** Provider-side arguments with no API field: the state holds the configured value. */
  private static final Set<String> CONFIG_ONLY = Set.of("force_destroy", "unique_writer_identity", "deletion_protection");

  /** cloudsim (and GCP) need the project to exist; the creator becomes its owner. */
  private void ensureProject(GcpHttp.Session http, String project, List<String> notes) {
    if (knownProjects.contains(project)) return;
    try {
      GcpHttp.Response got = http.get(GcpService.RESOURCE_MANAGER, "/v1/projects/" + project);
      if (!got.ok()) {
        GcpHttp.Response made = http.post(GcpService.RESOURCE_MANAGER, "/v1/projects", "{\"projectId\":\"" + project + "\"}");
        if (!made.ok() && made.status() != 409) notes.add("project " + project + " could not be created: HTTP " + made.status() + " " + made.message());
      }
      knownProjects.add(project);
    } catch (ValidatorFault e) {
      notes.add("project " + project + " could not be checked: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ApiDeployer[" + endpoint + ", token redacted]";
  }
}
