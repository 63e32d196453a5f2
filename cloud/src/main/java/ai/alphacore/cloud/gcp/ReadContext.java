package ai.alphacore.cloud.gcp;

import ai.alphacore.cloud.verify.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One verification's reads: the declared project, the nonce, a cache (a bucket read once serves
 * all its objects), and the miner faults found along the way.
 */
public final class ReadContext {
  /** The label taskgen's per-miner variants carry (ai.alphacore.taskgen.TaskGenerator.NONCE_LABEL). */
  public static final String NONCE_LABEL = "acore_nonce";

  private final GcpHttp.Session http;
  private final String project;
  private final String nonce;
  private final List<Fault> faults = new ArrayList<>();
  private final Map<String, GcpHttp.Response> cache = new HashMap<>();
  private String projectNumber;
  private boolean projectNumberTried;

  public ReadContext(GcpHttp.Session http, String project, String nonce) {
    this.http = http;
    this.project = project;
    this.nonce = nonce;
  }

  public String project() {
    return project;
  }

  public List<Fault> faults() {
    return faults;
  }

  /** GET; the body on 2xx, else a miner fault for {@code ref} and empty. */
  public Optional<JsonNode> get(GcpService s, String path, ResourceRef ref, String what) throws ValidatorFault {
    return answer(call(s, "GET", path), ref, what);
  }

  /** POST of an empty JSON object (getIamPolicy methods that Google defines as POST). */
  public Optional<JsonNode> post(GcpService s, String path, ResourceRef ref, String what) throws ValidatorFault {
    return answer(call(s, "POST", path), ref, what);
  }

  private GcpHttp.Response call(GcpService s, String method, String path) throws ValidatorFault {
    String key = method + " " + s + " " + path;
    GcpHttp.Response r = cache.get(key);
    if (r == null) {
      r = method.equals("GET") ? http.get(s, path) : http.post(s, path, "{}");
      cache.put(key, r);
    }
    return r;
  }

  private Optional<JsonNode> answer(GcpHttp.Response r, ResourceRef ref, String what) {
    if (r.ok()) return Optional.of(r.body());
    String code = switch (r.status()) {
      case 404 -> "NOT_FOUND";
      case 403 -> isApiDisabled(r) ? "API_DISABLED" : "FORBIDDEN";
      case 400 -> "BAD_ID";
      default -> "REJECTED";
    };
    miner(ref, code, r.status(), what + ": " + (r.message().isEmpty() ? "HTTP " + r.status() : r.message()));
    return Optional.empty();
  }

  private static boolean isApiDisabled(GcpHttp.Response r) {
    String reason = r.reason();
    return reason.equals("accessNotConfigured") || reason.equals("SERVICE_DISABLED");
  }

  public void miner(ResourceRef ref, String code, int status, String message) {
    faults.add(new Fault(Fault.Party.MINER, code, ref.type(), ref.toString(), status, message));
  }

  /** The declared project's number (for buckets and number-named secrets), or null when unreadable. */
  public String projectNumber(ResourceRef forRef) throws ValidatorFault {
    if (!projectNumberTried) {
      projectNumberTried = true;
      GcpHttp.Response r = call(GcpService.RESOURCE_MANAGER, "GET", "/v1/projects/" + Paths.seg(project));
      if (r.ok()) projectNumber = r.body().path("projectNumber").asText(null);
    }
    if (projectNumber == null) {
      miner(forRef, "PROJECT_UNREADABLE", 0, "cannot read project " + project + " (grant the validator roles/viewer on it)");
    }
    return projectNumber;
  }

  /**
   * True when the API says the resource lives in the declared project: {@code evidence} is the
   * project id or number the answer names. Otherwise records NOT_OWNED.
   */
  public boolean owned(ResourceRef ref, String evidence) throws ValidatorFault {
    if (evidence == null || evidence.isEmpty()) {
      miner(ref, "NOT_OWNED", 0, "the API answer names no project");
      return false;
    }
    boolean ok = evidence.matches("[0-9]+") ? evidence.equals(projectNumber(ref)) : evidence.equals(project);
    if (!ok) miner(ref, "NOT_OWNED", 0, "lives in project " + evidence + ", not the declared project " + project);
    return ok;
  }

  /**
   * When the task carries a per-miner nonce, a resource of a labelled type (or the labelled parent
   * of a child resource) must carry it as label {@value #NONCE_LABEL}, where taskgen's variants ask
   * for it. Types without labels are not checked. Records NONCE_MISSING.
   */
  public boolean carriesNonce(ResourceRef ref, JsonNode labels) {
    if (nonce == null) return true;
    if (labels != null && nonce.equals(labels.path(NONCE_LABEL).asText(null))) return true;
    miner(ref, "NONCE_MISSING", 0, "does not carry the task nonce as label " + NONCE_LABEL);
    return false;
  }
}
