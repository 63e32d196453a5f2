package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** What every API handler shares: the store, access control, ids and clocks, paging. */
final class Sim {
  /** Self links name the real hosts, as GCP writes them, whatever address cloudsim listens on. */
  static final String COMPUTE = "https://www.googleapis.com/compute/v1/";
  static final String STORAGE = "https://www.googleapis.com/storage/v1/";
  static final String DOWNLOAD = "https://storage.googleapis.com/download/storage/v1/";

  /** Returned by handlers that answer with an empty body (HTTP 204). */
  static final Object NO_CONTENT = new Object();

  /** Raw bytes with a content type, for media downloads. */
  record Media(byte[] data, String contentType) {}

  private static final DateTimeFormatter COMPUTE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  final Store store;
  final Policies policies;
  final Access access;
  final Clock clock;
  final boolean iam;
  private final SecureRandom random = new SecureRandom();

  Sim(Store store, boolean iam, String adminToken, Clock clock) {
    this.store = store;
    this.policies = new Policies(store);
    this.access = new Access(store, policies, iam, adminToken);
    this.clock = clock;
    this.iam = iam;
  }

  static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** RFC 3339 with microseconds, as most Google APIs write times. */
  String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).toString();
  }

  /** Compute Engine writes times with milliseconds and an offset. */
  String computeNow() {
    return COMPUTE_TIME.format(Instant.now(clock));
  }

  /** A positive 63-bit decimal id, as Compute and DNS use. */
  String numericId() {
    long v;
    do v = random.nextLong() & Long.MAX_VALUE; while (v < 1_000_000_000_000_000L);
    return Long.toString(v);
  }

  String digits(int n) {
    StringBuilder b = new StringBuilder();
    b.append((char) ('1' + random.nextInt(9)));
    while (b.length() < n) b.append((char) ('0' + random.nextInt(10)));
    return b.toString();
  }

  String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  String fingerprint() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /**
   * The project for a request, after the access check. An all-access caller's write creates a
   * project that does not exist yet (so the dev token can deploy anywhere); everyone else needs
   * a project created through the Resource Manager API, with a role on it.
   */
  ObjectNode project(Access.Caller c, String projectId, Access.Need need) {
    return project(c, projectId, need, null);
  }

  ObjectNode project(Access.Caller c, String projectId, Access.Need need, String resourceKey) {
    String id = resolveProjectId(projectId);
    var p = store.project(id);
    if (p.isEmpty() && c.allAccess() && need != Access.Need.READ) {
      return createProject(id, id, c.member());
    }
    access.require(c, id, need, resourceKey);
    return p.orElseGet(() -> {
      ObjectNode ghost = obj();
      ghost.put("projectId", id);
      ghost.put("projectNumber", "0");
      return ghost;
    });
  }

  /** Accepts a project id or number, as most APIs do; returns the id. */
  String resolveProjectId(String projectOrNumber) {
    if (projectOrNumber != null && projectOrNumber.matches("[0-9]{1,19}")) {
      return store.projectIdByNumber(projectOrNumber).orElseThrow(
          () -> ApiException.forbidden("Permission denied on resource project " + projectOrNumber + " (or it may not exist)."));
    }
    Names.check(Names.PROJECT_ID, projectOrNumber, "project", "Project ids are 6-30 lowercase letters, digits or hyphens, starting with a letter.");
    return projectOrNumber;
  }

  ObjectNode createProject(String id, String name, String ownerMember) {
    Names.check(Names.PROJECT_ID, id, "projectId", "Project ids are 6-30 lowercase letters, digits or hyphens, starting with a letter.");
    ObjectNode p = obj();
    String number;
    do number = digits(12); while (store.projectIdByNumber(number).isPresent());
    p.put("projectNumber", number);
    p.put("projectId", id);
    p.put("lifecycleState", "ACTIVE");
    p.put("name", name == null || name.isBlank() ? id : name);
    p.put("createTime", now());
    if (!store.insertProject(id, number, p)) throw ApiException.exists("projects/" + id);
    policies.grant("projects/" + id, id, "roles/owner", ownerMember);
    return p;
  }

  String projectNumber(String projectId) {
    return store.project(projectId).map(p -> p.path("projectNumber").asText()).orElse("0");
  }

  /** The stored resource, or 404 naming it. */
  ObjectNode get(String key) {
    return store.get(key).orElseThrow(() -> ApiException.notFound(key));
  }

  /**
   * One page of a collection as {@code {<itemsField>: [...], nextPageToken}}; the page token is
   * the last key returned, so pages stay stable under inserts.
   */
  ObjectNode page(Req r, String kind, String parent, String itemsField, String sizeParam) {
    int size = 500;
    String s = r.q(sizeParam);
    if (s != null) {
      try {
        size = Math.max(1, Math.min(500, Integer.parseInt(s)));
      } catch (NumberFormatException e) {
        throw ApiException.invalid("Invalid value for '" + sizeParam + "': " + s);
      }
    }
    String after = null;
    String tok = r.q("pageToken");
    if (tok != null && !tok.isEmpty()) {
      try {
        after = new String(Base64.getUrlDecoder().decode(tok), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("Invalid page token.");
      }
    }
    List<ObjectNode> items = store.list(kind, parent, after, size + 1);
    ObjectNode out = obj();
    var arr = out.putArray(itemsField);
    for (int i = 0; i < Math.min(size, items.size()); i++) arr.add(pub(items.get(i)));
    if (items.size() > size) {
      String lastKey = items.get(size - 1).path("__key").asText();
      out.put("nextPageToken", Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8)));
    }
    if (arr.isEmpty() && !"items".equals(itemsField)) out.remove(itemsField);
    return out;
  }

  /** Stores a new resource; {@code __key} is kept for paging and stripped from answers. 409 if taken. */
  ObjectNode insert(String key, String kind, String project, String parent, ObjectNode body) {
    body.put("__key", key);
    if (!store.insert(key, kind, project, parent, body)) throw ApiException.exists(key);
    return pub(body);
  }

  void replace(String key, ObjectNode body) {
    store.replace(key, body);
  }

  /** The public view of a stored document: internal fields ({@code __...}) removed. */
  static ObjectNode pub(ObjectNode stored) {
    ObjectNode o = stored.deepCopy();
    var it = o.fieldNames();
    List<String> drop = new java.util.ArrayList<>();
    while (it.hasNext()) {
      String k = it.next();
      if (k.startsWith("__")) drop.add(k);
    }
    drop.forEach(o::remove);
    return o;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String required(JsonNode n, String field, String where) {
    String v = text(n, field);
    if (v == null || v.isEmpty()) throw ApiException.invalid("Invalid value for field '" + where + "': ''. Must be set.");
    return v;
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
