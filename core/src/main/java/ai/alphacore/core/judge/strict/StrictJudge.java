package ai.alphacore.core.judge.strict;

import ai.alphacore.core.judge.ErrorCode;
import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.JudgeError;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Outcome;
import ai.alphacore.core.judge.StateSource;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.tfstate.StateFormatException;
import ai.alphacore.core.tfstate.StateLimits;
import ai.alphacore.core.tfstate.StateReader;
import ai.alphacore.core.tfstate.StateSelection;
import ai.alphacore.core.tfstate.StateResource;
import ai.alphacore.core.tfstate.TerraformState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed judge (docs/judge.md, "strict mode"): typed comparisons, rules on every reference
 * field, a resource may satisfy only one invariant (maximum bipartite matching), resources
 * scoped to one project, deposed objects ignored, and anything it cannot judge is an error.
 */
public final class StrictJudge {
  /** Attributes read beside the invariant paths: checks and project scoping use them. */
  private static final Set<String> EXTRA_ATTRIBUTES = Set.of("md5hash", "permissions", "allow", "expiration_policy",
      "project", "id", "self_link");

  private final StateReader reader;
  private final String project;

  public StrictJudge(StateLimits limits) {
    this(limits, null);
  }

  /** @param project the miner's declared project; null infers the most common one in the state */
  public StrictJudge(StateLimits limits, String project) {
    this.reader = new StateReader(limits);
    this.project = project;
  }

  public Verdict judge(JsonNode root, StateSource source) {
    Task task;
    try {
      task = Task.fromJson(root);
    } catch (TaskFormatException e) {
      return error("unknown", e.code(), e.getMessage());
    }
    for (Invariant inv : task.invariants()) {
      if (!StrictSchema.known(inv.resourceType())) {
        return error(task.taskId(), ErrorCode.UNKNOWN_RESOURCE_TYPE, "resource type " + inv.resourceType()
            + " is not one strict mode knows; known: " + String.join(", ", StrictSchema.knownTypes()));
      }
    }
    TerraformState state;
    Map<String, List<String>> paths = new HashMap<>();
    task.invariants().forEach(i -> paths.computeIfAbsent(i.resourceType(), k -> new ArrayList<>()).addAll(i.match().keySet()));
    try {
      state = source.read(reader, StateSelection.forPaths(paths, EXTRA_ATTRIBUTES));
    } catch (NoSuchFileException e) {
      return error(task.taskId(), ErrorCode.STATE_NOT_FOUND, "state file not found: " + e.getFile());
    } catch (StateFormatException e) {
      return error(task.taskId(), e.code(), e.getMessage());
    } catch (IOException e) {
      return error(task.taskId(), ErrorCode.STATE_UNREADABLE, "cannot read state: " + e.getMessage());
    }
    if (!state.version().isIntegralNumber() || state.version().intValue() != 4) {
      return error(task.taskId(), ErrorCode.STATE_VERSION, "state format version is " + state.version() + "; expected 4");
    }
    return Verdict.of(task.taskId(), JudgeMode.STRICT, evaluate(task, state));
  }

  private Verdict error(String taskId, ErrorCode code, String msg) {
    return Verdict.error(taskId, JudgeMode.STRICT, Verdict.ERROR, msg, new JudgeError(code, msg));
  }

  private List<InvariantResult> evaluate(Task task, TerraformState state) {
    List<StateResource> live = new ArrayList<>();
    for (StateResource r : state.resources()) if (!r.deposed()) live.add(r);
    String scope = project != null ? project : ProjectScope.mostCommon(live);
    Map<String, ComparisonRule> inherited = inheritedRules(task);
    List<Invariant> invs = task.invariants();
    int n = invs.size();
    List<List<StateResource>> candidates = new ArrayList<>();
    List<List<StateResource>> passing = new ArrayList<>();
    List<StrictChecks.Check> closest = new ArrayList<>();
    List<StateResource> closestRes = new ArrayList<>();
    List<Map<StateResource, StrictChecks.Check>> checks = new ArrayList<>();
    int[] excluded = new int[n];
    for (int i = 0; i < n; i++) {
      Invariant inv = invs.get(i);
      List<StateResource> cands = new ArrayList<>();
      for (StateResource r : live) {
        if (!r.type().equals(inv.resourceType())) continue;
        if (scope != null && !ProjectScope.inProject(r, scope)) {
          excluded[i]++;
          continue;
        }
        cands.add(r);
      }
      candidates.add(cands);
      List<StateResource> ok = new ArrayList<>();
      Map<StateResource, StrictChecks.Check> byRes = new HashMap<>();
      StrictChecks.Check best = null;
      StateResource bestRes = null;
      for (StateResource r : cands) {
        StrictChecks.Check c = StrictChecks.check(inv, r.attributes(), inherited);
        byRes.put(r, c);
        if (c.passed()) ok.add(r);
        if (best == null || c.passedFields() > best.passedFields()) {
          best = c;
          bestRes = r;
        }
      }
      passing.add(ok);
      checks.add(byRes);
      closest.add(best);
      closestRes.add(bestRes);
    }
    StateResource[] assigned = Matching.maximum(passing);
    List<InvariantResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Invariant inv = invs.get(i);
      List<String> msgs = new ArrayList<>();
      if (excluded[i] > 0) msgs.add(excluded[i] + " '" + inv.resourceType() + "' resource(s) outside project " + scope + " were not considered");
      if (assigned[i] != null) {
        StateResource r = assigned[i];
        out.add(new InvariantResult(i, inv.resourceType(), Outcome.PASS, r.address(), candidates.get(i).size(), checks.get(i).get(r).fields(), msgs));
        continue;
      }
      if (candidates.get(i).isEmpty()) {
        msgs.add(0, "No resources of type '" + inv.resourceType() + "' found in state" + (scope == null ? "" : " (project " + scope + ")"));
        out.add(new InvariantResult(i, inv.resourceType(), Outcome.FAIL, null, 0, unmatched(inv), msgs));
      } else if (!passing.get(i).isEmpty()) {
        StateResource r = passing.get(i).get(0);
        msgs.add(0, "every resource that satisfies this invariant already satisfies another one (one resource, one invariant)");
        out.add(new InvariantResult(i, inv.resourceType(), Outcome.FAIL, r.address(), candidates.get(i).size(), checks.get(i).get(r).fields(), msgs));
      } else {
        msgs.add(0, "None of the " + candidates.get(i).size() + " '" + inv.resourceType() + "' resource(s) matched all "
            + inv.match().size() + " invariant field(s)");
        for (FieldResult f : closest.get(i).fields()) if (!f.passed()) msgs.add(f.message());
        out.add(new InvariantResult(i, inv.resourceType(), Outcome.FAIL, closestRes.get(i).address(), candidates.get(i).size(), closest.get(i).fields(), msgs));
      }
    }
    return out;
  }

  /** Name values with a flexible rule; references to that exact name inherit the rule (B1, B6). */
  private static Map<String, ComparisonRule> inheritedRules(Task task) {
    Map<String, ComparisonRule> m = new HashMap<>();
    for (Invariant inv : task.invariants()) {
      for (String p : StrictSchema.NAME_PATHS) {
        JsonNode v = inv.match().get(p);
        var r = inv.rule(p);
        if (v != null && v.isTextual() && r.isPresent() && r.get() != ComparisonRule.EXACT_MATCH) m.putIfAbsent(v.textValue(), r.get());
      }
    }
    return m;
  }

  private static List<FieldResult> unmatched(Invariant inv) {
    List<FieldResult> out = new ArrayList<>();
    inv.match().forEach((k, v) -> out.add(new FieldResult(k, v, NullNode.getInstance(), inv.comparisonRule().getOrDefault(k, "exact_match"), null, false, "no candidate resource")));
    return out;
  }
}
