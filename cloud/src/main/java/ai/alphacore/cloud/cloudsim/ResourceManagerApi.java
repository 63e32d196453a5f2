package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Cloud Resource Manager v1: projects and project IAM policies. */
final class ResourceManagerApi {
  private final Sim sim;

  ResourceManagerApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", "/v1/projects", this::create);
    r.add("GET", "/v1/projects", this::list);
    r.add("GET", "/v1/projects/{project}", this::get);
    r.add("POST", "/v1/projects/{project}:getIamPolicy", this::getIamPolicy);
    r.add("POST", "/v1/projects/{project}:setIamPolicy", this::setIamPolicy);
    r.add("GET", "/v1/operations/{operation}", this::operation);
  }

  private Object create(Req r) {
    JsonNode b = r.json();
    String id = Sim.required(b, "projectId", "projectId");
    ObjectNode p = sim.createProject(id, Sim.text(b, "name"), r.caller().member());
    ObjectNode op = Sim.obj();
    op.put("name", "operations/cp." + sim.digits(19));
    op.put("done", true);
    ObjectNode resp = p.deepCopy();
    resp.put("@type", "type.googleapis.com/google.cloudresourcemanager.v1.Project");
    op.set("response", resp);
    sim.insert(op.path("name").asText(), "crm.operation", id, "operations", op.deepCopy());
    return op;
  }

  private Object get(Req r) {
    String id = sim.resolveProjectId(r.p("project"));
    sim.access.require(r.caller(), id, Need.READ);
    return sim.store.project(id).orElseThrow(() -> ApiException.notFound("projects/" + id));
  }

  private Object list(Req r) {
    ObjectNode out = Sim.obj();
    var arr = out.putArray("projects");
    for (ObjectNode p : sim.store.projects()) {
      if (sim.access.canRead(r.caller(), p.path("projectId").asText())) arr.add(p);
    }
    return out;
  }

  private Object getIamPolicy(Req r) {
    // An all-access caller's read-modify-write on a project not yet created creates it first, so
    // the etag read here is the one setIamPolicy will compare with.
    ObjectNode p = sim.project(r.caller(), r.p("project"), r.caller().allAccess() ? Need.WRITE : Need.READ);
    return sim.policies.get("projects/" + p.path("projectId").asText());
  }

  private Object setIamPolicy(Req r) {
    ObjectNode p = sim.project(r.caller(), r.p("project"), Need.ADMIN);
    String id = p.path("projectId").asText();
    return sim.policies.set("projects/" + id, id, r.json(), false);
  }

  private Object operation(Req r) {
    return Sim.pub(sim.get("operations/" + r.p("operation")));
  }
}
