package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * google_secret_manager_secret, _secret_version and _secret_iam_member from Secret Manager v1.
 * The API names secrets by project number; ownership compares it with the declared project's.
 */
final class SecretReaders {
  private static final Pattern SECRET = Pattern.compile("^projects/([^/]+)/secrets/([^/]+)$");
  private static final Pattern VERSION = Pattern.compile("^projects/([^/]+)/secrets/([^/]+)/versions/([^/]+)$");

  private SecretReaders() {}

  static List<ResourceReader> all() {
    return List.of(new Secret(), new SecretVersion(), new SecretIamMember());
  }

  /** Secret id and project from a bare id or {@code projects/P/secrets/S} (P an id or number). */
  static Candidate secretRef(BaseReader r, String value, String project, String declared, String... rest) {
    String id = value;
    String p = project;
    if (value != null && value.startsWith("projects/")) {
      id = Ids.group(SECRET, value, 2);
      String named = Ids.group(SECRET, value, 1);
      if (id == null) return r.bad("secret '" + value + "' is not projects/P/secrets/S");
      if (p == null || Ids.ok(Ids.PROJECT_NUMBER, named)) p = p == null ? named : p;
      else if (!p.equals(named)) return new Candidate.Rejected("NOT_OWNED", "secret " + value + " is named in project " + named + ", not " + p);
    }
    if (p == null) p = declared;
    Candidate c = r.checkProject(p, declared);
    if (c != null) return c;
    if (!Ids.ok(Ids.SECRET_ID, id)) return r.bad("secret id '" + id + "' is not valid");
    String[] ids = new String[rest.length + 1];
    ids[0] = id;
    System.arraycopy(rest, 0, ids, 1, rest.length);
    return r.ok(p, ids);
  }

  static Optional<JsonNode> ownedSecret(String id, ResourceRef ref, ReadContext ctx) throws ValidatorFault {
    Optional<JsonNode> got = ctx.get(GcpService.SECRET_MANAGER, "/v1/projects/" + Paths.seg(ctx.project()) + "/secrets/" + Paths.seg(id), ref, "secret " + id);
    if (got.isEmpty()) return got;
    if (!ctx.owned(ref, Ids.group(SECRET, BaseReader.s(got.get(), "name", ""), 1)) || !ctx.carriesNonce(ref, got.get().get("labels"))) return Optional.empty();
    return got;
  }

  static final class Secret extends BaseReader {
    Secret() {
      super("google_secret_manager_secret");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String id = Ids.str(a, "secret_id");
      if (id == null) id = Ids.str(a, "id");
      return secretRef(this, id, Ids.str(a, "project"), declared);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ownedSecret(ref.id(0), ref, ctx);
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      ObjectNode t = o();
      t.putNull("annotations");
      t.put("create_time", s(n, "createTime", ""));
      t.put("deletion_protection", false);
      t.set("effective_annotations", n.hasNonNull("annotations") ? n.get("annotations") : o());
      labels(t, n.get("labels"));
      t.put("expire_time", s(n, "expireTime", ""));
      t.put("id", "projects/" + ctx.project() + "/secrets/" + ref.id(0));
      t.put("name", s(n, "name", ""));
      t.put("project", ctx.project());
      ObjectNode rep = t.putArray("replication").addObject();
      JsonNode r = n.path("replication");
      if (r.has("automatic")) {
        rep.putArray("auto").addObject().set("customer_managed_encryption", a());
        rep.set("user_managed", a());
      } else {
        rep.set("auto", a());
        ArrayNode replicas = rep.putArray("user_managed").addObject().putArray("replicas");
        for (JsonNode x : r.path("userManaged").path("replicas")) replicas.addObject().put("location", s(x, "location", "")).set("customer_managed_encryption", a());
      }
      t.set("rotation", a());
      t.put("secret_id", ref.id(0));
      t.putNull("tags");
      t.putNull("timeouts");
      t.set("topics", a());
      t.putNull("ttl");
      t.putNull("version_aliases");
      t.put("version_destroy_ttl", s(n, "versionDestroyTtl", ""));
      return Optional.of(t);
    }
  }

  static final class SecretVersion extends BaseReader {
    SecretVersion() {
      super("google_secret_manager_secret_version");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String version = Ids.str(a, "version");
      if (version == null) version = Ids.group(VERSION, Ids.str(a, "name"), 3);
      if (!Ids.ok(Ids.VERSION, version)) return bad("secret version '" + version + "' is not a version number");
      String secret = Ids.str(a, "secret");
      if (secret == null && Ids.str(a, "name") != null) {
        String n = Ids.str(a, "name");
        secret = n.contains("/versions/") ? n.substring(0, n.indexOf("/versions/")) : null;
      }
      return secretRef(this, secret, null, declared, version);
    }

    /** Metadata plus the payload (needs secretAccessor); {@code secret_data} is the payload as text. */
    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      if (ownedSecret(ref.id(0), ref, ctx).isEmpty()) return Optional.empty();
      String base = "/v1/projects/" + Paths.seg(ctx.project()) + "/secrets/" + Paths.seg(ref.id(0)) + "/versions/" + Paths.seg(ref.id(1));
      Optional<JsonNode> got = ctx.get(GcpService.SECRET_MANAGER, base, ref, "secret version");
      if (got.isEmpty()) return Optional.empty();
      JsonNode v = got.get();
      boolean enabled = "ENABLED".equals(s(v, "state", ""));
      String data = null;
      boolean isBase64 = false;
      if (enabled) {
        Optional<JsonNode> acc = ctx.get(GcpService.SECRET_MANAGER, base + ":access", ref, "secret payload (grant roles/secretmanager.secretAccessor)");
        if (acc.isEmpty()) return Optional.empty();
        byte[] raw;
        try {
          raw = Base64.getDecoder().decode(s(acc.get().path("payload"), "data", ""));
        } catch (IllegalArgumentException e) {
          ctx.miner(ref, "REJECTED", 0, "secret payload is not base64");
          return Optional.empty();
        }
        try {
          data = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
          data = Base64.getEncoder().encodeToString(raw);
          isBase64 = true;
        }
      }
      ObjectNode t = o();
      t.put("create_time", s(v, "createTime", ""));
      t.put("deletion_policy", "DELETE");
      t.put("destroy_time", s(v, "destroyTime", ""));
      t.put("enabled", enabled);
      t.put("id", s(v, "name", ""));
      t.put("is_secret_data_base64", isBase64);
      t.put("name", s(v, "name", ""));
      t.put("secret", "projects/" + ctx.project() + "/secrets/" + ref.id(0));
      if (data == null) t.putNull("secret_data");
      else t.put("secret_data", data);
      t.putNull("secret_data_wo");
      t.put("secret_data_wo_version", 0);
      t.putNull("timeouts");
      t.put("version", Ids.last(s(v, "name", ref.id(1))));
      return Optional.of(t);
    }
  }

  static final class SecretIamMember extends BaseReader {
    SecretIamMember() {
      super("google_secret_manager_secret_iam_member");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String role = Ids.str(a, "role");
      String member = Ids.str(a, "member");
      if (!Ids.ok(Ids.ROLE, role) || !Ids.ok(Ids.MEMBER, member)) return bad("binding role or member is missing or invalid");
      return secretRef(this, Ids.str(a, "secret_id"), Ids.str(a, "project"), declared, role, member);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      if (ownedSecret(ref.id(0), ref, ctx).isEmpty()) return Optional.empty();
      Optional<JsonNode> pol = ctx.get(GcpService.SECRET_MANAGER, "/v1/projects/" + Paths.seg(ctx.project()) + "/secrets/" + Paths.seg(ref.id(0)) + ":getIamPolicy", ref, "secret IAM policy");
      if (pol.isEmpty()) return Optional.empty();
      String secret = "projects/" + ctx.project() + "/secrets/" + ref.id(0);
      return IamReaders.binding(ref, ctx, pol.get(), ref.id(1), ref.id(2), "secret " + ref.id(0)).map(found -> {
        ObjectNode t = o();
        t.set("condition", found.condition());
        t.put("etag", s(pol.get(), "etag", ""));
        t.put("id", secret + "/" + ref.id(1) + "/" + found.member());
        t.put("member", found.member());
        t.put("project", ctx.project());
        t.put("role", ref.id(1));
        t.put("secret_id", secret);
        return t;
      });
    }
  }
}
