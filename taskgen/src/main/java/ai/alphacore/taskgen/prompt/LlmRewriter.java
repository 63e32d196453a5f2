package ai.alphacore.taskgen.prompt;

import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.config.LlmConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Optional natural-language rewrite of the deterministic prompt by an LLM, followed by the
 * {@link PromptChecker}. A failed check is retried with reminders naming what was lost; after
 * {@code retries} attempts (or on any transport error) the deterministic prompt is kept, which
 * always passes the check. The miner therefore never gets a prompt missing a term.
 */
public final class LlmRewriter {
  static final String SYSTEM = String.join(" ",
      "You rewrite cloud provisioning tickets for expert Terraform engineers.",
      "Rewrite the ticket you are given as a short, natural internal request: one line of context, then what to create.",
      "CRITICAL: keep every double-quoted value exactly as written, inside double quotes.",
      "Keep the qualifiers exactly: 'starts with', 'ends with', 'exactly', and keep the sentence that explains that a value that starts with or ends with X needs at least one more character.",
      "Keep every startup script line verbatim, each on its own line, in the same order.",
      "Keep the field names given in parentheses (for example auto_create_subnetworks) next to their values.",
      "Keep the sentence starting with 'Grant' verbatim and keep one submission sentence mentioning the zip archive, the repository root and terraform.tfstate.",
      "Say which resource each value belongs to. Do not add resources, requirements, deliverables or Terraform CLI steps.",
      "Plain ASCII text only: no markdown, no bullets, no emoji. Never use the words invariant, README, prerequisite, documentation, tutorial, guide or walkthrough.");

  private final LlmConfig config;
  private final LlmClient client;
  private final PromptChecker checker;

  public LlmRewriter(LlmConfig config, LlmClient client, PromptChecker checker) {
    this.config = config;
    this.client = client;
    this.checker = checker;
  }

  /**
   * @param source "llm" or "deterministic"
   * @param notes why earlier attempts were rejected (safe to log; no key, no prompt text)
   */
  public record Outcome(GeneratedTask task, String source, int attempts, List<String> notes) {}

  public Outcome rewrite(GeneratedTask t) {
    if (!config.enabled()) return new Outcome(t, "deterministic", 0, List.of());
    Set<String> reminders = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    for (int attempt = 1; attempt <= config.retries(); attempt++) {
      String user = "Rewrite this ticket:\n\n" + t.prompt()
          + (reminders.isEmpty() ? "" : "\n\nYour previous version was rejected. Keep these exactly:\n- " + String.join("\n- ", reminders));
      String text;
      try {
        text = PlainText.clean(client.chat(SYSTEM, user));
      } catch (LlmClient.LlmException e) {
        notes.add("attempt " + attempt + ": " + e.getMessage());
        continue;
      }
      CheckResult r = checker.check(t.task(), text, t.validatorSa());
      if (r.ok()) return new Outcome(t.withPrompt(text), "llm", attempt, notes);
      notes.add("attempt " + attempt + ": " + r.problems().size() + " problem(s), first: " + r.problems().get(0));
      reminders.addAll(r.problems().subList(0, Math.min(8, r.problems().size())));
    }
    return new Outcome(t, "deterministic", config.retries(), notes);
  }
}
