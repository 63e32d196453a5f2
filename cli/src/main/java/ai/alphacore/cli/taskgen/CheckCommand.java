package ai.alphacore.cli.taskgen;

import ai.alphacore.cli.Cli;
import ai.alphacore.core.task.Task;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.task.TaskReader;
import ai.alphacore.taskgen.prompt.CheckResult;
import ai.alphacore.taskgen.prompt.PromptChecker;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore taskgen check}: does a task's prompt carry every invariant value and rule wording? */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check that a task's prompt (or --prompt FILE) carries every invariant value, the rule",
        "wording, the validator grant and the packaging contract. Exit 0 ok, 1 problems found, 2 bad input."})
public final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--task", required = true, paramLabel = "FILE", description = "validator.json or a TaskSpec.")
  Path task;

  @Option(names = "--prompt", paramLabel = "FILE", description = "Check this text instead of the task's own prompt.")
  Path prompt;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      JsonNode root = new TaskReader().readTree(task);
      Task t = Task.fromJson(root);
      String sa = root.has("validator_sa") ? root.get("validator_sa").asText() : null;
      String text = prompt != null ? Files.readString(prompt) : t.extra().path("prompt").asText("");
      CheckResult r = new PromptChecker(TaskgenOptions.PROVIDER.providerTerms()).check(t, text, sa);
      if (r.ok()) out.println("ok: every required term is in the prompt");
      else r.problems().forEach(p -> out.println("missing: " + p));
      out.flush();
      return r.ok() ? 0 : 1;
    } catch (TaskFormatException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    } catch (java.io.IOException e) {
      err.println("error: cannot read --prompt " + prompt + ": " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
  }
}
