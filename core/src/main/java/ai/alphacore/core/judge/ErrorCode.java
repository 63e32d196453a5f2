package ai.alphacore.core.judge;

/** Stable error codes for verdicts that could not be judged. Never renumber or rename. */
public enum ErrorCode {
  TASK_NOT_FOUND("Check the --task path."),
  TASK_UNREADABLE("Check the file permissions of the task file."),
  TASK_INVALID_JSON("Fix the task JSON; it must be one JSON object."),
  TASK_NOT_OBJECT("The task must be a JSON object with task_id and invariants (optionally inside {\"task\": ...})."),
  TASK_INVALID("Fix the task's invariants: each needs resource_type (string), match (non-empty object) and optional comparison_rule."),
  TASK_NO_INVARIANTS("The task has no invariants to check; add at least one."),
  UNKNOWN_RESOURCE_TYPE("Use one of the resource types the judge knows (see docs/judge.md) or run in compat mode."),
  INVALID_RULE("comparison_rule values must be exact_match, starts_with or ends_with."),
  STATE_NOT_FOUND("Check the --state path; the submission must include terraform.tfstate."),
  STATE_UNREADABLE("Check the file permissions of the state file."),
  STATE_INVALID_JSON("The state file is not valid JSON; re-run terraform to regenerate it."),
  STATE_INVALID_UTF8("The state file is not valid UTF-8 text."),
  STATE_SHAPE("The state is not a Terraform state document (object with a resources array)."),
  STATE_VERSION("Only Terraform state format version 4 is supported."),
  LIMIT_EXCEEDED("The document exceeds a judge limit (size, nesting or string length); see docs/judge.md."),
  INTERNAL("An unexpected judge failure; please report it with the inputs.");

  private final String hint;

  ErrorCode(String hint) {
    this.hint = hint;
  }

  /** What a person can do about it. */
  public String hint() {
    return hint;
  }
}
