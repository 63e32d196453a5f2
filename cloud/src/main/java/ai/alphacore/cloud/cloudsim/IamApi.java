package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;

/** IAM v1: service accounts (and their IAM policies) and project custom roles. */
final class IamApi {
  private static final Set<String> STAGES = Set.of("ALPHA", "BETA", "GA", "DEPRECATED", "DISABLED", "EAP");

  private final Sim sim;

  IamApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", "/v1/projects/{project}/serviceAccounts", this::createAccount);
    r.add("GET", "/v1/projects/{project}/serviceAccounts", q -> sim.page(q, "iam.serviceAccount", "projects/" + pid(q, Need.READ), "accounts", "pageSize"));
    r.add("GET", "/v1/projects/{project}/serviceAccounts/{account}", q -> Sim.pub(account(q, Need.READ)));
    r.add("DELETE", "/v1/projects/{project}/serviceAccounts/{account}", this::deleteAccount);
    r.add("POST", "/v1/projects/{project}/serviceAccounts/{account}:getIamPolicy", q -> sim.policies.get(account(q, Need.READ).path("name").asText()));
    r.add("POST", "/v1/projects/{project}/serviceAccounts/{account}:setIamPolicy", this::setAccountPolicy);
    r.add("POST", "/v1/projects/{project}/roles", this::createRole);
    r.add("GET", "/v1/projects/{project}/roles", this::listRoles);
    r.add("GET", "/v1/projects/{project}/roles/{role}", q -> Sim.pub(role(q, Need.READ)));
    r.add("DELETE", "/v1/projects/{project}/roles/{role}", this::deleteRole);
    r.add("POST", "/v1/projects/{project}/roles/{role}:undelete", this::undeleteRole);
  }

  private Object createAccount(Req r) {
    String project = pid(r, Need.WRITE);
    ObjectNode b = r.json();
    String id = Sim.text(b, "accountId");
    Names.check(Names.ACCOUNT_ID, id, "accountId", "Service account ids are 6-30 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit.");
    JsonNode sa = b.path("serviceAccount");
    String display = sa.path("displayName").asText("");
    String desc = sa.path("description").asText("");
    if (display.length() > 100) throw ApiException.invalid("Invalid value for field 'displayName': at most 100 characters.");
    if (desc.length() > 256) throw ApiException.invalid("Invalid value for field 'description': at most 256 characters.");
    String email = id + "@" + project + ".iam.gserviceaccount.com";
    String key = "projects/" + project + "/serviceAccounts/" + email;
    if (sim.store.get(key).isPresent()) {
      throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "Service account " + id + " already exists within project projects/" + project + ".");
    }
    ObjectNode o = Sim.obj();
    o.put("name", key);
    o.put("projectId", project);
    String unique = sim.digits(21);
    o.put("uniqueId", unique);
    o.put("email", email);
    if (!display.isEmpty()) o.put("displayName", display);
    if (!desc.isEmpty()) o.put("description", desc);
    o.put("etag", "MDEwMjE5MjA=");
    o.put("oauth2ClientId", unique);
    o.put("disabled", false);
    return sim.insert(key, "iam.serviceAccount", project, "projects/" + project, o);
  }

  /** {account} is an email or a unique id; {project} may be "-". */
  private ObjectNode account(Req r, Need need) {
    String a = r.p("account");
    ObjectNode found = null;
    if (a.contains("@")) {
      String[] parts = a.split("@", 2);
      String home = parts[1].endsWith(".iam.gserviceaccount.com") ? parts[1].substring(0, parts[1].length() - ".iam.gserviceaccount.com".length()) : null;
      if (home != null && home.matches("[a-z][-a-z0-9]{4,28}[a-z0-9]")) found = sim.store.get("projects/" + home + "/serviceAccounts/" + a).orElse(null);
    } else if (a.matches("[0-9]{1,25}")) {
      for (ObjectNode p : sim.store.projects()) {
        for (ObjectNode s : sim.store.inProject("iam.serviceAccount", p.path("projectId").asText())) {
          if (s.path("uniqueId").asText().equals(a)) found = s;
        }
      }
    }
    String project = found != null ? found.path("projectId").asText() : r.p("project");
    if (!"-".equals(project)) sim.project(r.caller(), project, need);
    if (found == null) throw new ApiException(404, "notFound", "NOT_FOUND", "Unknown service account");
    if (!"-".equals(r.p("project")) && !r.p("project").equals(project) && !sim.resolveProjectId(r.p("project")).equals(project)) {
      throw new ApiException(404, "notFound", "NOT_FOUND", "Unknown service account");
    }
    return found;
  }

  private Object deleteAccount(Req r) {
    ObjectNode a = account(r, Need.WRITE);
    sim.store.delete(a.path("name").asText());
    sim.policies.delete(a.path("name").asText());
    return Sim.obj();
  }

  private Object setAccountPolicy(Req r) {
    ObjectNode a = account(r, Need.ADMIN);
    return sim.policies.set(a.path("name").asText(), a.path("projectId").asText(), r.json(), false);
  }

  private Object createRole(Req r) {
    String project = pid(r, Need.ADMIN);
    ObjectNode b = r.json();
    String id = Sim.text(b, "roleId");
    Names.check(Names.ROLE_ID, id, "roleId", "Role ids are 3-64 letters, digits, '_' or '.'.");
    String key = "projects/" + project + "/roles/" + id;
    var existing = sim.store.get(key);
    if (existing.isPresent()) {
      throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", existing.get().path("deleted").asBoolean()
          ? "You can't create a role with role_id (" + id + ") where there is an existing role with that role_id in a deleted state."
          : "A role named " + id + " in " + "projects/" + project + " already exists.");
    }
    JsonNode role = b.path("role");
    TreeSet<String> perms = new TreeSet<>();
    for (JsonNode p : role.path("includedPermissions")) {
      String s = p.asText();
      if (!Names.PERMISSION.matcher(s).matches()) throw ApiException.invalid("Permission " + s + " is not valid.");
      perms.add(s);
    }
    if (perms.size() > 3000) throw ApiException.invalid("A custom role holds at most 3000 permissions.");
    String stage = role.path("stage").asText("ALPHA");
    if (!STAGES.contains(stage)) throw ApiException.invalid("Invalid value for field 'stage': '" + stage + "'.");
    String title = role.path("title").asText("");
    if (title.length() > 100) throw ApiException.invalid("Invalid value for field 'title': at most 100 characters.");
    ObjectNode o = Sim.obj();
    o.put("name", key);
    o.put("title", title);
    o.put("description", role.path("description").asText(""));
    ArrayNode arr = o.putArray("includedPermissions");
    perms.forEach(arr::add);
    o.put("stage", stage);
    o.put("etag", "BwY" + sim.hex(4));
    return sim.insert(key, "iam.role", project, "projects/" + project, o);
  }

  private Object listRoles(Req r) {
    String project = pid(r, Need.READ);
    ObjectNode page = sim.page(r, "iam.role", "projects/" + project, "roles", "pageSize");
    if (!r.qFlag("showDeleted") && page.has("roles")) {
      ArrayNode roles = page.withArray("roles");
      for (int i = roles.size() - 1; i >= 0; i--) if (roles.get(i).path("deleted").asBoolean()) roles.remove(i);
      if (roles.isEmpty()) page.remove("roles");
    }
    return page;
  }

  private ObjectNode role(Req r, Need need) {
    String project = pid(r, need);
    String key = "projects/" + project + "/roles/" + r.p("role");
    return sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "The role named " + key + " was not found."));
  }

  private Object deleteRole(Req r) {
    ObjectNode role = role(r, Need.ADMIN);
    if (role.path("deleted").asBoolean()) throw ApiException.precondition("You can't delete role_id (" + r.p("role") + ") as it is already deleted.");
    role.put("deleted", true);
    sim.replace(role.path("__key").asText(), role);
    return Sim.pub(role);
  }

  private Object undeleteRole(Req r) {
    ObjectNode role = role(r, Need.ADMIN);
    role.remove("deleted");
    sim.replace(role.path("__key").asText(), role);
    return Sim.pub(role);
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }
}
