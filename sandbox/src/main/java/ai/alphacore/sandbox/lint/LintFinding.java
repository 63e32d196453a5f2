package ai.alphacore.sandbox.lint;

/** One rejection: which rule, where (workspace-relative file, 1-based line; 0 = whole workspace). */
public record LintFinding(LintRule rule, String file, int line, String message) {
  /** "rule_id file:line: message", the form shown to miners and written to job logs. */
  public String describe() {
    return rule.id() + " " + (file == null ? "<workspace>" : file + ":" + line) + ": " + message;
  }
}
