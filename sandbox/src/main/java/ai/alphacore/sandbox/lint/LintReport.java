package ai.alphacore.sandbox.lint;

import java.util.List;

/** All findings for a workspace, in file and line order; empty means accepted. */
public record LintReport(List<LintFinding> findings, int filesChecked) {
  public LintReport {
    findings = List.copyOf(findings);
  }

  public boolean accepted() {
    return findings.isEmpty();
  }
}
