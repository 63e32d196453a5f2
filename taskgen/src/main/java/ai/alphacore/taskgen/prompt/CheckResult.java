package ai.alphacore.taskgen.prompt;

import java.util.List;

/** What a prompt is missing; empty means every required term and wording is there. */
public record CheckResult(List<String> problems) {
  public CheckResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
