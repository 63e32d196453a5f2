package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * IAM policies ({@code {version, etag, bindings: [{role, members}]}}) attached to a resource name.
 * The etag is a counter: a setIamPolicy carrying a stale etag is refused (409 ABORTED), as GCP does.
 */
final class Policies {
  static final String KIND = "iam.policy";
  private static final Pattern MEMBER = Pattern.compile(
      "^(allUsers|allAuthenticatedUsers|(user|serviceAccount|group|domain|principal|principalSet|projectOwner|projectEditor|projectViewer|deleted:serviceAccount|deleted:user):[^\\s]{1,320})$");
  private static final Pattern ROLE = Pattern.compile("^(roles/[A-Za-z0-9_.]{1,128}|projects/[a-z][-a-z0-9]{4,28}[a-z0-9]/roles/[A-Za-z0-9_.]{3,64}|organizations/[0-9]{1,19}/roles/[A-Za-z0-9_.]{3,64})$");

  private final Store store;

  Policies(Store store) {
    this.store = store;
  }

  /** The policy of a resource; an empty policy (etag of version 0) when none was set. */
  ObjectNode get(String resource) {
    return store.get("iam:" + resource).map(Policies::publicView).orElseGet(() -> empty(0));
  }

  /**
   * Replaces the policy after validating it. {@code project} owns the policy document;
   * {@code publicMembersAllowed} is false for project policies (allUsers cannot be granted there).
   */
  ObjectNode set(String resource, String project, JsonNode request, boolean publicMembersAllowed) {
    JsonNode policy = request.path("policy");
    if (!policy.isObject()) throw ApiException.invalid("Invalid JSON payload: 'policy' must be an object.");
    ObjectNode current = get(resource);
    long version = etagVersion(current.path("etag").asText());
    if (policy.hasNonNull("etag") && !policy.get("etag").asText().equals(current.path("etag").asText())) {
      throw ApiException.conflict("There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.");
    }
    ObjectNode out = empty(version + 1);
    ArrayNode bindings = out.putArray("bindings");
    for (JsonNode b : policy.path("bindings")) {
      String role = b.path("role").asText("");
      if (!ROLE.matcher(role).matches()) throw ApiException.invalid("Role " + role + " is not supported for this resource.");
      ArrayNode members = JsonNodeFactory.instance.arrayNode();
      for (JsonNode m : b.path("members")) {
        String s = m.asText("");
        if (!MEMBER.matcher(s).matches()) throw ApiException.invalid("Invalid member: '" + s + "'.");
        if (!publicMembersAllowed && s.startsWith("all")) {
          throw ApiException.invalid("Policy members must not include " + s + " on this resource.");
        }
        if (!contains(members, s)) members.add(s);
      }
      if (members.isEmpty()) continue;
      ObjectNode nb = bindings.addObject();
      nb.put("role", role);
      nb.set("members", members);
      if (b.has("condition")) nb.set("condition", b.get("condition"));
    }
    if (bindings.isEmpty()) out.remove("bindings");
    String key = "iam:" + resource;
    if (!store.insert(key, KIND, project, resource, out)) store.replace(key, out);
    return out;
  }

  /** Adds a member to a role directly (used to seed owners and default bucket bindings). */
  void grant(String resource, String project, String role, String member) {
    ObjectNode p = get(resource);
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    ObjectNode pol = req.putObject("policy");
    ArrayNode bindings = pol.putArray("bindings");
    boolean added = false;
    for (JsonNode b : p.path("bindings")) {
      ObjectNode nb = b.deepCopy();
      if (nb.path("role").asText().equals(role) && !nb.has("condition")) {
        if (!contains((ArrayNode) nb.path("members"), member)) ((ArrayNode) nb.get("members")).add(member);
        added = true;
      }
      bindings.add(nb);
    }
    if (!added) {
      ObjectNode nb = bindings.addObject();
      nb.put("role", role);
      nb.putArray("members").add(member);
    }
    set(resource, project, req, true);
  }

  void delete(String resource) {
    store.delete("iam:" + resource);
  }

  private static boolean contains(ArrayNode a, String s) {
    for (JsonNode n : a) if (n.asText().equals(s)) return true;
    return false;
  }

  private static ObjectNode empty(long version) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("version", 1);
    o.put("etag", Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(version).array()));
    return o;
  }

  private static long etagVersion(String etag) {
    try {
      byte[] b = Base64.getDecoder().decode(etag);
      return b.length == 8 ? ByteBuffer.wrap(b).getLong() : 0;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  private static ObjectNode publicView(ObjectNode n) {
    return n.deepCopy();
  }
}
