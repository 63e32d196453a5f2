package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Who is calling and what they may do. A bearer token names a principal (a member string such as
 * {@code user:miner@example.com}); what the principal may do in a project follows the project's
 * IAM policy: owner or editor write, viewer (and those) read. Only a hash of each token is stored.
 *
 * <p>Token {@code dev} is all-access unless the server runs with {@code --iam}; the admin token
 * (written to the data directory) is all-access always and may register principals.
 */
final class Access {
  /** The authenticated caller: {@code allAccess} skips every permission check. */
  record Caller(String member, boolean allAccess, boolean admin) {}

  enum Need {
    READ,
    WRITE,
    /** setIamPolicy on the project, custom roles: owner only. */
    ADMIN,
    /** Reading a secret payload: owner, or secretAccessor on the project or the secret. */
    SECRET_ACCESS
  }

  static final String DEV_TOKEN = "dev";
  private static final Set<String> READ_ROLES = Set.of("roles/viewer", "roles/editor", "roles/owner");
  private static final Set<String> WRITE_ROLES = Set.of("roles/editor", "roles/owner");
  private static final Set<String> ADMIN_ROLES = Set.of("roles/owner");
  private static final String ACCESSOR = "roles/secretmanager.secretAccessor";

  private final Store store;
  private final Policies policies;
  private final boolean iam;
  private final String adminTokenSha;

  Access(Store store, Policies policies, boolean iam, String adminToken) {
    this.store = store;
    this.policies = policies;
    this.iam = iam;
    this.adminTokenSha = sha256(adminToken);
  }

  Caller authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiException.unauthenticated("Request is missing required authentication credential. Expected OAuth 2 access token.");
    }
    String h = authorization.trim();
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7) || h.length() <= 7) {
      throw ApiException.unauthenticated("Request had invalid authentication credentials. Expected OAuth 2 access token.");
    }
    String token = h.substring(7).trim();
    String sha = sha256(token);
    if (MessageDigest.isEqual(sha.getBytes(StandardCharsets.US_ASCII), adminTokenSha.getBytes(StandardCharsets.US_ASCII))) {
      return new Caller("user:admin@cloudsim.local", true, true);
    }
    if (!iam && DEV_TOKEN.equals(token)) return new Caller("user:dev@cloudsim.local", true, false);
    return store.principal(sha)
        .map(m -> new Caller(m, false, false))
        .orElseThrow(() -> ApiException.unauthenticated("Request had invalid authentication credentials. Expected OAuth 2 access token."));
  }

  /** Throws 403 unless the caller may do {@code need} in the project (which must exist for non-admins). */
  void require(Caller c, String project, Need need) {
    require(c, project, need, null);
  }

  /** As {@link #require(Caller, String, Need)}, also consulting a resource's own policy for secret access. */
  void require(Caller c, String project, Need need, String resourceKey) {
    if (c.allAccess()) return;
    if (store.project(project).isEmpty() || !allowed(c, project, need, resourceKey)) {
      throw ApiException.forbidden("Permission denied on resource project " + project + " for " + need.name().toLowerCase(Locale.ROOT)
          + " (or it may not exist).");
    }
  }

  boolean canRead(Caller c, String project) {
    return c.allAccess() || (store.project(project).isPresent() && allowed(c, project, Need.READ, null));
  }

  private boolean allowed(Caller c, String project, Need need, String resourceKey) {
    JsonNode policy = policies.get("projects/" + project);
    Set<String> roles = switch (need) {
      case READ -> READ_ROLES;
      case WRITE -> WRITE_ROLES;
      case ADMIN, SECRET_ACCESS -> ADMIN_ROLES;
    };
    if (hasAny(policy, c.member(), roles)) return true;
    if (need == Need.SECRET_ACCESS) {
      return hasAny(policy, c.member(), Set.of(ACCESSOR))
          || (resourceKey != null && hasAny(policies.get(resourceKey), c.member(), Set.of(ACCESSOR)));
    }
    return false;
  }

  private static boolean hasAny(JsonNode policy, String member, Set<String> roles) {
    for (JsonNode b : policy.path("bindings")) {
      if (!roles.contains(b.path("role").asText())) continue;
      for (JsonNode m : b.path("members")) if (m.asText().equalsIgnoreCase(member)) return true;
    }
    return false;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
