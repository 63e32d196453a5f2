package ai.alphacore.core.report;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.Verdict;

/** JUnit XML: one test suite per task, one test case per invariant; errors as a suite error. */
public final class JunitReport implements ReportWriter {
  @Override
  public String write(Verdict v) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int failures = v.total() - v.passed();
    int errors = v.error() == null ? 0 : 1;
    int tests = Math.max(v.total(), errors);
    sb.append(String.format("<testsuite name=\"alphacore.judge.%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n",
        Xml.esc(v.taskId()), tests, failures, errors));
    sb.append(String.format("  <properties><property name=\"mode\" value=\"%s\"/><property name=\"score\" value=\"%s\"/></properties>%n",
        v.mode().wire(), v.score()));
    if (v.error() != null) {
      sb.append(String.format("  <testcase classname=\"task\" name=\"%s\">%n    <error type=\"%s\" message=\"%s\">%s</error>%n  </testcase>%n",
          Xml.esc(v.taskId()), v.error().code(), Xml.esc(v.error().message()), Xml.esc(v.error().hint())));
    }
    for (InvariantResult r : v.invariants()) {
      sb.append(String.format("  <testcase classname=\"%s\" name=\"invariant %d\">%n", Xml.esc(r.resourceType()), r.index() + 1));
      if (!r.passed()) {
        StringBuilder body = new StringBuilder();
        for (FieldResult f : r.fields()) {
          if (!f.passed()) body.append(f.path()).append(": expected ").append(f.expected()).append(", actual ").append(f.actual()).append('\n');
        }
        r.messages().forEach(m -> body.append(m).append('\n'));
        String first = r.messages().isEmpty() ? "invariant failed" : r.messages().get(0);
        sb.append(String.format("    <failure message=\"%s\">%s</failure>%n", Xml.esc(first), Xml.esc(body.toString())));
      }
      sb.append("  </testcase>\n");
    }
    return sb.append("</testsuite>\n").toString();
  }
}
