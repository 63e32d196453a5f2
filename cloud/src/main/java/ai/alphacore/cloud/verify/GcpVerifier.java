package ai.alphacore.cloud.verify;

import ai.alphacore.cloud.gcp.Candidate;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.gcp.Ids;
import ai.alphacore.cloud.gcp.ReadContext;
import ai.alphacore.cloud.gcp.Readers;
import ai.alphacore.cloud.gcp.ResourceReader;
import ai.alphacore.cloud.gcp.ResourceRef;
import ai.alphacore.cloud.gcp.ValidatorFault;
import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.StateSource;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.tfstate.StateFormatException;
import ai.alphacore.core.tfstate.StateLimits;
import ai.alphacore.core.tfstate.StateReader;
import ai.alphacore.core.tfstate.StateResource;
import ai.alphacore.core.tfstate.TerraformState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code verification: gcp-api}: the miner's terraform.tfstate only names candidate resources of
 * the types the task's invariants check; each is read live (read-only token, pinned endpoints),
 * must live in the declared project (and carry the nonce, when there is one), and is rebuilt into
 * a state in the Google provider's shape, which the judge then scores. Nothing the miner wrote
 * but the ids reaches the judge.
 */
public final class GcpVerifier implements CloudVerifier {
  /** Bounds on what a hostile state can make us do. */
  public record Limits(long maxStateBytes, int maxCandidatesPerType, int maxCandidates) {
    public static final Limits DEFAULT = new Limits(32L << 20, 25, 100);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StateLimits MINER_STATE = new StateLimits(32L << 20, 128, 8 << 20, 100);

  private final GcpHttp http;
  private final Limits limits;
  private final Map<JudgeMode, Judge> judges = new EnumMap<>(JudgeMode.class);

  /** One client serves every verification (thread-safe); each gets its own call count. */
  public GcpVerifier(GcpHttp http, Limits limits) {
    this.http = http;
    this.limits = limits;
    for (JudgeMode m : JudgeMode.values()) judges.put(m, Judge.of(m));
  }

  public GcpVerifier(GcpHttp http) {
    this(http, Limits.DEFAULT);
  }

  @Override
  public String name() {
    return "gcp-api";
  }

  @Override
  public Optional<String> unreadyReason() {
    return http.tokenProblem();
  }

  @Override
  public VerificationResult verify(JsonNode task, byte[] minerState, VerifyRequest req) {
    long t0 = System.nanoTime();
    GcpHttp.Session client = http.session();
    ReadContext ctx = new ReadContext(client, req.project(), req.nonce());
    List<Fault> faults = ctx.faults();
    Judge judge = judges.get(req.mode());
    Set<String> types = taskTypes(task);
    List<Entry> rebuilt = new ArrayList<>();
    ValidatorFault fatal = null;
    try {
      for (Candidate.Ok c : candidates(minerState, types, req.project(), faults)) {
        if (req.deadline() != null && java.time.Instant.now().isAfter(req.deadline())) {
          throw new ValidatorFault(ValidatorFault.Code.DEADLINE_EXCEEDED, 0, "the job's deadline passed before every resource was read");
        }
        ResourceRef ref = c.ref();
        if (Ids.ok(Ids.PROJECT_NUMBER, ref.project())) {
          if (!ref.project().equals(ctx.projectNumber(ref))) {
            if (ctx.projectNumber(ref) != null) ctx.miner(ref, "NOT_OWNED", 0, "named in project number " + ref.project() + ", not the declared project");
            continue;
          }
          ref = ref.withProject(req.project());
        }
        Optional<ObjectNode> attrs = Readers.of(ref.type()).read(ref, ctx);
        if (attrs.isPresent()) rebuilt.add(new Entry(ref, attrs.get()));
      }
    } catch (ValidatorFault e) {
      fatal = e;
      faults.add(new Fault(Fault.Party.VALIDATOR, e.code().name(), "", "", e.status(), e.getMessage()));
    }
    ObjectNode state = StateBuilder.build(rebuilt);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    if (fatal != null) {
      return new VerificationResult(VerificationResult.Status.VALIDATOR_FAULT, state, null, faults, client.calls(), elapsed);
    }
    Verdict v = judge.judge(task, StateSource.of(bytes(state)));
    return new VerificationResult(VerificationResult.Status.JUDGED, state, v, faults, client.calls(), Duration.ofNanos(System.nanoTime() - t0));
  }

  private record Entry(ResourceRef ref, ObjectNode attributes) {}

  /** The resource types the task checks that we can read; an unreadable task checks none. */
  private static Set<String> taskTypes(JsonNode task) {
    Set<String> out = new LinkedHashSet<>();
    try {
      for (Invariant i : Task.fromJson(task).invariants()) if (Readers.of(i.resourceType()) != null) out.add(i.resourceType());
    } catch (TaskFormatException e) {
      // the judge reports the bad task; nothing to read
    }
    return out;
  }

  private List<Candidate.Ok> candidates(byte[] minerState, Set<String> types, String project, List<Fault> faults) {
    List<Candidate.Ok> out = new ArrayList<>();
    if (types.isEmpty()) return out;
    if (minerState == null || minerState.length == 0) {
      faults.add(new Fault(Fault.Party.MINER, "STATE_MISSING", "", "", 0, "the submission holds no terraform.tfstate"));
      return out;
    }
    if (minerState.length > limits.maxStateBytes()) {
      faults.add(new Fault(Fault.Party.MINER, "STATE_TOO_LARGE", "", "", 0, "terraform.tfstate is larger than " + limits.maxStateBytes() + " bytes"));
      return out;
    }
    TerraformState st;
    try {
      st = new StateReader(MINER_STATE).read(new ByteArrayInputStream(minerState), types::contains);
    } catch (StateFormatException e) {
      faults.add(new Fault(Fault.Party.MINER, "STATE_" + e.code().name(), "", "", 0, e.getMessage()));
      return out;
    }
    Map<String, Candidate.Ok> seen = new LinkedHashMap<>();
    Map<String, Integer> perType = new LinkedHashMap<>();
    for (StateResource r : st.resources()) {
      if (r.deposed()) continue;
      ResourceReader reader = Readers.of(r.type());
      Candidate c = reader.candidate(r.attributes(), project);
      if (c instanceof Candidate.Rejected rej) {
        faults.add(new Fault(Fault.Party.MINER, rej.code(), r.type(), r.address(), 0, rej.message()));
        continue;
      }
      Candidate.Ok ok = (Candidate.Ok) c;
      if (seen.containsKey(ok.ref().key())) continue;
      int n = perType.merge(r.type(), 1, Integer::sum);
      if (n > limits.maxCandidatesPerType() || seen.size() >= limits.maxCandidates()) {
        faults.add(new Fault(Fault.Party.MINER, "TOO_MANY_CANDIDATES", r.type(), r.address(), 0,
            "ignored: at most " + limits.maxCandidatesPerType() + " per type and " + limits.maxCandidates() + " in all are read"));
        continue;
      }
      seen.put(ok.ref().key(), ok);
    }
    out.addAll(seen.values());
    return out;
  }

  /**
   * The one project every resource of a state names, for tools run by hand; the Validation API
   * must pass the project the miner registered instead (a state can name anyone's project).
   */
  public static Optional<String> projectNamedBy(byte[] minerState) {
    TerraformState st;
    try {
      st = new StateReader(MINER_STATE).read(new ByteArrayInputStream(minerState), t -> Readers.of(t) != null);
    } catch (StateFormatException e) {
      return Optional.empty();
    }
    Set<String> projects = new LinkedHashSet<>();
    for (StateResource r : st.resources()) {
      String p = Ids.str(r.attributes(), "project");
      if (p != null) projects.add(p);
    }
    return projects.size() == 1 ? Optional.of(projects.iterator().next()) : Optional.empty();
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Terraform 1.x state (format 4) holding the rebuilt resources. */
  static final class StateBuilder {
    private StateBuilder() {}

    static ObjectNode build(List<Entry> entries) {
      ObjectNode s = MAPPER.createObjectNode();
      s.put("version", 4);
      s.put("terraform_version", "1.13.3");
      s.put("serial", 1);
      s.put("lineage", "alphacore-gcp-api");
      s.putObject("outputs");
      var resources = s.putArray("resources");
      Map<String, Integer> names = new LinkedHashMap<>();
      for (Entry e : entries) {
        int n = names.merge(e.ref().type(), 1, Integer::sum);
        ObjectNode r = resources.addObject();
        r.put("mode", "managed");
        r.put("type", e.ref().type());
        r.put("name", "r" + n);
        r.put("provider", "provider[\"registry.terraform.io/hashicorp/google\"]");
        ObjectNode inst = r.putArray("instances").addObject();
        inst.put("schema_version", 0);
        inst.set("attributes", e.attributes());
        inst.putArray("sensitive_attributes");
      }
      s.putNull("check_results");
      return s;
    }
  }
}
