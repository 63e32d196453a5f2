package ai.alphacore.core.judge.compat;

import ai.alphacore.core.judge.ErrorCode;
import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.JudgeError;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Outcome;
import ai.alphacore.core.judge.StateSource;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.tfstate.StateFormatException;
import ai.alphacore.core.tfstate.StateLimits;
import ai.alphacore.core.tfstate.StateReader;
import ai.alphacore.core.tfstate.StateResource;
import ai.alphacore.core.tfstate.TerraformState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ai.alphacore.core.tfstate.StateSelection;

/**
 * The reference-compatible judge: the verdict of the Python {@code validate.py} (validation.md
 * 2.2 and 3.2), reproduced on purpose, including its failure shapes: a task or state it cannot
 * use gives {@code fail} with 0 invariants and "no invariants provided".
 */
public final class CompatJudge {
  private static final Set<String> INVARIANT_KEYS = Set.of("resource_type", "match", "comparison_rule");
  private static final String NO_INVARIANTS = "no invariants provided";

  private final StateReader reader;

  public CompatJudge(StateLimits limits) {
    this.reader = new StateReader(limits);
  }

  /** A raw invariant as the reference builds it with {@code Invariant(**obj)}. */
  private record RawInvariant(JsonNode resourceType, JsonNode match, JsonNode comparisonRule) {}

  /** Task-level failure inside the reference's try block: total 0, score 0. */
  private static final class Rejected extends Exception {
    final ErrorCode code;

    Rejected(ErrorCode code, String msg) {
      super(msg, null, false, false);
      this.code = code;
    }
  }

  /**
   * @param root the parsed task.json document (any JSON value)
   */
  public Verdict judge(JsonNode root, StateSource state) {
    if (!root.isObject()) {
      // validate.py calls task_data.get("task", ...) on the root: AttributeError, no result written.
      return Verdict.error("unknown", JudgeMode.COMPAT, Verdict.ERROR,
          "AttributeError: '" + CompatChecks.pyType(root) + "' object has no attribute 'get'",
          new JudgeError(ErrorCode.TASK_NOT_OBJECT, "task root is " + kind(root) + ", not an object"));
    }
    JsonNode data = root.has("task") ? root.get("task") : root;
    String taskId = "unknown";
    // validate.py checks that the state exists before it validates anything else.
    try {
      checkExists(state);
      if (!data.isObject()) {
        throw new Rejected(ErrorCode.TASK_NOT_OBJECT, "\"task\" is " + kind(data) + ", not an object");
      }
      JsonNode id = data.get("task_id");
      List<RawInvariant> invariants = invariants(data);
      TerraformState st = readState(state, invariants);
      if (invariants.isEmpty()) throw new Rejected(ErrorCode.TASK_NO_INVARIANTS, "the task has no invariants");
      taskId = id == null ? "unknown" : PyValues.strOrEmpty(id);
      List<InvariantResult> results = new ArrayList<>();
      for (int i = 0; i < invariants.size(); i++) results.add(evaluate(i, invariants.get(i), st));
      return Verdict.of(taskId, JudgeMode.COMPAT, results);
    } catch (MissingState m) {
      return Verdict.error(taskId, JudgeMode.COMPAT, Verdict.FAIL, "state file not found",
          new JudgeError(ErrorCode.STATE_NOT_FOUND, m.getMessage()));
    } catch (Rejected r) {
      return Verdict.error("unknown", JudgeMode.COMPAT, Verdict.FAIL, NO_INVARIANTS, new JudgeError(r.code, r.getMessage()));
    } catch (CompatCrash c) {
      return Verdict.error("unknown", JudgeMode.COMPAT, Verdict.FAIL, NO_INVARIANTS,
          new JudgeError(ErrorCode.TASK_INVALID, "the reference validator raises here: " + c.getMessage()));
    } catch (IOException e) {
      return Verdict.error("unknown", JudgeMode.COMPAT, Verdict.FAIL, NO_INVARIANTS,
          new JudgeError(ErrorCode.STATE_UNREADABLE, "cannot read state: " + e.getMessage()));
    }
  }

  private static void checkExists(StateSource state) throws MissingState {
    try {
      state.checkExists();
    } catch (NoSuchFileException e) {
      throw new MissingState("state file not found: " + e.getFile());
    }
  }

  private static final class MissingState extends Exception {
    MissingState(String msg) {
      super(msg, null, false, false);
    }
  }

  private TerraformState readState(StateSource source, List<RawInvariant> invariants) throws Rejected, MissingState, IOException {
    Map<String, List<String>> paths = new HashMap<>();
    for (RawInvariant inv : invariants) {
      if (!inv.resourceType.isTextual()) continue;
      List<String> p = paths.computeIfAbsent(inv.resourceType.textValue(), k -> new ArrayList<>());
      if (inv.match.isObject()) inv.match.fieldNames().forEachRemaining(p::add);
    }
    try {
      return source.read(reader, StateSelection.forPaths(paths, CompatChecks.EXTRA_ATTRIBUTES));
    } catch (NoSuchFileException e) {
      throw new MissingState("state file not found: " + e.getFile());
    } catch (StateFormatException e) {
      if (e.code() == ErrorCode.STATE_NOT_FOUND) throw new MissingState(e.getMessage());
      throw new Rejected(e.code(), e.getMessage());
    }
  }

  /** {@code [Invariant(**inv) for inv in data.get("invariants", [])]}, Python iteration included. */
  private static List<RawInvariant> invariants(JsonNode data) throws Rejected {
    JsonNode invs = data.get("invariants");
    List<RawInvariant> out = new ArrayList<>();
    if (invs == null) return out;
    if (invs.isNull()) throw new Rejected(ErrorCode.TASK_INVALID, "invariants is null ('NoneType' object is not iterable)");
    if ((invs.isObject() || invs.isTextual()) && (invs.isObject() ? invs.isEmpty() : invs.textValue().isEmpty())) return out;
    if (!invs.isArray()) throw new Rejected(ErrorCode.TASK_INVALID, "invariants is " + kind(invs) + ", not a list");
    for (int i = 0; i < invs.size(); i++) {
      JsonNode n = invs.get(i);
      String where = "invariant " + (i + 1);
      if (!n.isObject()) throw new Rejected(ErrorCode.TASK_INVALID, where + " is " + kind(n) + ", not an object");
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!INVARIANT_KEYS.contains(k)) {
          throw new Rejected(ErrorCode.TASK_INVALID,
              where + " has an unexpected key '" + k + "' (the reference rejects the whole task; allowed: resource_type, match, comparison_rule)");
        }
      }
      if (!n.has("resource_type") || !n.has("match")) {
        throw new Rejected(ErrorCode.TASK_INVALID, where + " lacks " + (n.has("match") ? "resource_type" : "match"));
      }
      out.add(new RawInvariant(n.get("resource_type"), n.get("match"), n.get("comparison_rule")));
    }
    return out;
  }

  private static InvariantResult evaluate(int index, RawInvariant inv, TerraformState st) {
    String type = inv.resourceType.isTextual() ? inv.resourceType.textValue() : PyValues.strOrEmpty(inv.resourceType);
    List<StateResource> candidates = inv.resourceType.isTextual() ? st.ofType(type) : List.of();
    if (candidates.isEmpty()) {
      return new InvariantResult(index, type, Outcome.FAIL, null, 0, unmatchedFields(inv),
          List.of("No resources of type '" + type + "' found in state"));
    }
    CandidateCheck best = null;
    StateResource bestRes = null;
    List<String> errors = new ArrayList<>();
    for (StateResource r : candidates) {
      CandidateCheck c = CompatChecks.check(type, inv.match, inv.comparisonRule, r.attributes());
      if (c.passed()) return new InvariantResult(index, type, Outcome.PASS, r.address(), candidates.size(), c.fields(), List.of());
      for (FieldResult f : c.fields()) if (!f.passed() && f.message() != null) errors.add(f.message());
      if (best == null || c.passedFields() > best.passedFields()) {
        best = c;
        bestRes = r;
      }
    }
    List<String> messages = new ArrayList<>();
    messages.add("None of the " + candidates.size() + " '" + type + "' resource(s) matched all " + inv.match.size() + " invariant field(s)");
    messages.addAll(errors.subList(0, Math.min(5, errors.size())));
    return new InvariantResult(index, type, Outcome.FAIL, bestRes.address(), candidates.size(), best.fields(), messages);
  }

  private static List<FieldResult> unmatchedFields(RawInvariant inv) {
    List<FieldResult> out = new ArrayList<>();
    if (!inv.match.isObject()) return out;
    for (Iterator<Map.Entry<String, JsonNode>> it = inv.match.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.add(new FieldResult(e.getKey(), e.getValue(), NullNode.getInstance(), null, null, false, "no candidate resource"));
    }
    return out;
  }

  static String kind(JsonNode n) {
    if (n == null || n.isNull()) return "null";
    if (n.isArray()) return "a list";
    if (n.isObject()) return "an object";
    if (n.isTextual()) return "a string";
    if (n.isNumber()) return "a number";
    return "a boolean";
  }
}
