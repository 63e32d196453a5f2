package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * google_service_account, _service_account_iam_member (IAM v1), google_project_iam_member
 * (Resource Manager v1) and google_project_iam_custom_role (IAM v1).
 */
final class IamReaders {
  private static final Pattern SA_NAME = Pattern.compile("^projects/([^/]+)/serviceAccounts/([^/]+)$");
  private static final Pattern ROLE_NAME = Pattern.compile("^projects/([^/]+)/roles/([^/]+)$");

  private IamReaders() {}

  static List<ResourceReader> all() {
    return List.of(new ServiceAccount(), new ServiceAccountIamMember(), new ProjectIamMember(), new CustomRole());
  }

  /** An account email from {@code projects/P/serviceAccounts/EMAIL}, a bare email, or account id + project. */
  static String email(String value, String project) {
    if (value == null) return null;
    String e = Ids.group(SA_NAME, value, 2);
    if (e == null) e = value;
    if (!e.contains("@") && Ids.ok(Ids.RFC1035, e)) e = e + "@" + project + ".iam.gserviceaccount.com";
    return e;
  }

  /** Reads the account; it must live in the declared project. */
  static Optional<JsonNode> ownedAccount(String email, ResourceRef ref, ReadContext ctx) throws ValidatorFault {
    Optional<JsonNode> got = ctx.get(GcpService.IAM, "/v1/projects/" + Paths.seg(ctx.project()) + "/serviceAccounts/" + Paths.seg(email), ref, "service account " + email);
    if (got.isEmpty()) return got;
    if (!ctx.owned(ref, BaseReader.s(got.get(), "projectId", null))) return Optional.empty();
    return got;
  }

  private static Candidate accountCandidate(BaseReader r, String email, String declared, String... rest) {
    String home = Ids.group(Ids.ACCOUNT_EMAIL, email, 2);
    if (home == null) return r.bad("service account '" + email + "' is not a user-managed service account email");
    if (!home.equals(declared)) return new Candidate.Rejected("NOT_OWNED", "service account " + email + " belongs to project " + home + ", not " + declared);
    String[] ids = new String[rest.length + 1];
    ids[0] = email;
    System.arraycopy(rest, 0, ids, 1, rest.length);
    return r.ok(declared, ids);
  }

  static final class ServiceAccount extends BaseReader {
    ServiceAccount() {
      super("google_service_account");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String p = projectOf(a, declared, "name", "id");
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      String e = Ids.str(a, "email");
      if (e == null) e = email(Ids.str(a, "name"), p);
      if (e == null) e = email(Ids.str(a, "account_id"), p);
      return accountCandidate(this, e, declared);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ownedAccount(ref.id(0), ref, ctx);
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      String email = s(n, "email", "");
      ObjectNode t = o();
      t.put("account_id", email.substring(0, Math.max(0, email.indexOf('@'))));
      t.putNull("create_ignore_already_exists");
      t.put("description", s(n, "description", ""));
      t.put("disabled", b(n, "disabled", false));
      t.put("display_name", s(n, "displayName", ""));
      t.put("email", email);
      t.put("id", s(n, "name", ""));
      t.put("member", "serviceAccount:" + email);
      t.put("name", s(n, "name", ""));
      t.put("project", s(n, "projectId", ctx.project()));
      t.putNull("timeouts");
      t.put("unique_id", s(n, "uniqueId", ""));
      return Optional.of(t);
    }
  }

  static final class ServiceAccountIamMember extends BaseReader {
    ServiceAccountIamMember() {
      super("google_service_account_iam_member");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String role = Ids.str(a, "role");
      String member = Ids.str(a, "member");
      if (!Ids.ok(Ids.ROLE, role) || !Ids.ok(Ids.MEMBER, member)) return bad("binding role or member is missing or invalid");
      String sa = Ids.str(a, "service_account_id");
      String p = Ids.group(SA_NAME, sa, 1);
      Candidate c = checkProject(p == null || p.equals("-") ? null : p, declared);
      if (c != null) return c;
      return accountCandidate(this, email(sa, declared), declared, role, member);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> acct = ownedAccount(ref.id(0), ref, ctx);
      if (acct.isEmpty()) return Optional.empty();
      String name = s(acct.get(), "name", "");
      Optional<JsonNode> pol = ctx.post(GcpService.IAM, "/v1/projects/" + Paths.seg(ctx.project()) + "/serviceAccounts/" + Paths.seg(ref.id(0)) + ":getIamPolicy", ref, "service account IAM policy");
      if (pol.isEmpty()) return Optional.empty();
      return binding(ref, ctx, pol.get(), ref.id(1), ref.id(2), "service account " + ref.id(0)).map(found -> {
        ObjectNode t = o();
        t.set("condition", found.condition());
        t.put("etag", s(pol.get(), "etag", ""));
        t.put("id", name + "/" + ref.id(1) + "/" + found.member());
        t.put("member", found.member());
        t.put("role", ref.id(1));
        t.put("service_account_id", name);
        return t;
      });
    }
  }

  static final class ProjectIamMember extends BaseReader {
    ProjectIamMember() {
      super("google_project_iam_member");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String p = Ids.str(a, "project");
      if (p == null) p = Ids.group(Pattern.compile("^([^/]+)/roles/"), Ids.str(a, "id"), 1);
      if (p == null) p = declared;
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      String role = Ids.str(a, "role");
      String member = Ids.str(a, "member");
      if (!Ids.ok(Ids.ROLE, role) || !Ids.ok(Ids.MEMBER, member)) return bad("binding role or member is missing or invalid");
      return ok(p, role, member);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> pol = ctx.post(GcpService.RESOURCE_MANAGER, "/v1/projects/" + Paths.seg(ctx.project()) + ":getIamPolicy", ref, "project IAM policy");
      if (pol.isEmpty()) return Optional.empty();
      return binding(ref, ctx, pol.get(), ref.id(0), ref.id(1), "project " + ctx.project()).map(found -> {
        ObjectNode t = o();
        t.set("condition", found.condition());
        t.put("etag", s(pol.get(), "etag", ""));
        t.put("id", ctx.project() + "/" + ref.id(0) + "/" + found.member());
        t.put("member", found.member());
        t.put("project", ctx.project());
        t.put("role", ref.id(0));
        return t;
      });
    }
  }

  static Optional<IamBinding> binding(ResourceRef ref, ReadContext ctx, JsonNode policy, String role, String member, String where) {
    Optional<IamBinding> found = IamBinding.find(policy, role, member);
    if (found.isEmpty()) ctx.miner(ref, "NOT_FOUND", 0, where + " grants no " + role + " to " + member);
    return found;
  }

  static final class CustomRole extends BaseReader {
    CustomRole() {
      super("google_project_iam_custom_role");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String roleId = Ids.str(a, "role_id");
      if (roleId == null) roleId = Ids.group(ROLE_NAME, Ids.str(a, "name"), 2);
      String p = projectOf(a, declared, "name", "id");
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      if (!Ids.ok(Ids.ROLE_ID, roleId)) return bad("role id '" + roleId + "' is not valid");
      return ok(p, roleId);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ctx.get(GcpService.IAM, "/v1/projects/" + Paths.seg(ref.project()) + "/roles/" + Paths.seg(ref.id(0)), ref, "custom role");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      if (!ctx.owned(ref, Ids.group(ROLE_NAME, s(n, "name", ""), 1))) return Optional.empty();
      if (b(n, "deleted", false)) {
        ctx.miner(ref, "NOT_FOUND", 0, "custom role " + ref.id(0) + " is deleted");
        return Optional.empty();
      }
      ObjectNode t = o();
      t.put("deleted", false);
      t.put("description", s(n, "description", ""));
      t.put("id", s(n, "name", ""));
      t.put("name", s(n, "name", ""));
      TreeSet<String> perms = new TreeSet<>();
      for (JsonNode p : n.path("includedPermissions")) perms.add(p.asText());
      ArrayNode arr = t.putArray("permissions");
      perms.forEach(arr::add);
      t.put("project", ctx.project());
      t.put("role_id", Ids.last(s(n, "name", "")));
      t.put("stage", s(n, "stage", "GA"));
      t.put("title", s(n, "title", ""));
      return Optional.of(t);
    }
  }
}
