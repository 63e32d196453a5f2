package ai.alphacore.core.report;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.databind.JsonNode;

/** A table a person reads in a terminal: one block per invariant, one row per field. */
public final class TextReport implements ReportWriter {
  private static final int WIDTH = 40;

  @Override
  public String write(Verdict v) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("task %s  mode %s  %s  score %.4f (%d/%d)%n",
        v.taskId(), v.mode().wire(), v.status().toUpperCase(java.util.Locale.ROOT), v.score(), v.passed(), v.total()));
    if (v.msg() != null) sb.append("  ").append(v.msg()).append('\n');
    if (v.error() != null) {
      sb.append("  error ").append(v.error().code()).append(": ").append(v.error().message()).append('\n');
      sb.append("  what to do: ").append(v.error().hint()).append('\n');
    }
    for (InvariantResult r : v.invariants()) {
      sb.append(String.format("%n[%d] %s %s  candidate %s (%d considered)%n", r.index() + 1,
          r.passed() ? "PASS" : "FAIL", r.resourceType(), r.candidate() == null ? "-" : r.candidate(), r.candidatesConsidered()));
      sb.append(String.format("    %-4s %-36s %-26s %-" + WIDTH + "s %s%n", "", "path", "rule / comparison", "expected", "actual"));
      for (FieldResult f : r.fields()) {
        String how = (f.rule() == null ? "-" : f.rule()) + (f.comparator() == null ? "" : " / " + f.comparator());
        sb.append(String.format("    %-4s %-36s %-26s %-" + WIDTH + "s %s%n", f.passed() ? "ok" : "FAIL", f.path(),
            how, cut(f.expected()), cut(f.actual())));
      }
      for (String m : r.messages()) sb.append("    ! ").append(m).append('\n');
    }
    return sb.toString();
  }

  private static String cut(JsonNode n) {
    String s = n == null || n.isNull() ? "null" : n.isTextual() ? n.textValue() : n.toString();
    s = s.replace("\n", "\\n");
    return s.length() > WIDTH ? s.substring(0, WIDTH - 3) + "..." : s;
  }
}
