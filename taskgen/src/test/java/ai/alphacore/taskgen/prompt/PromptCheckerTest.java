package ai.alphacore.taskgen.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import ai.alphacore.taskgen.Fixtures;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PromptCheckerTest {
  private final PromptChecker checker = new PromptChecker(Fixtures.GCP.providerTerms());
  private final TaskGenerator gen = Fixtures.generator();

  /** Removing any one pinned value, qualifier, number, flag or script line is caught. */
  @Test
  void everyMutationOfADeterministicPromptIsCaught() {
    List<Selection> sels = Fixtures.everySelection();
    int mutations = 0;
    for (int i = 0; i < 430; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(99, i), sels.get(i % sels.size()));
      String prompt = t.prompt();
      assertThat(checker.check(t.task(), prompt, t.validatorSa()).ok()).isTrue();
      for (Invariant inv : t.task().invariants()) {
        for (Map.Entry<String, JsonNode> e : inv.match().entrySet()) {
          JsonNode v = e.getValue();
          String mutated;
          if (e.getKey().contains("metadata_startup_script")) {
            String line = java.util.Arrays.stream(v.textValue().split("\n")).filter(l -> l.contains("acore-token")).findFirst().orElseThrow();
            mutated = prompt.replace("\n" + line, "\n" + line.replace("acore-token", "token"));
          } else if (v.isTextual()) {
            mutated = prompt.replace(v.textValue(), "XXXX");
            String rule = inv.comparisonRule().get(e.getKey());
            if ("starts_with".equals(rule) || "ends_with".equals(rule)) {
              String verb = rule.startsWith("starts") ? "starts with" : "ends with";
              assertCaught(t, prompt.replace(verb + " \"" + v.textValue(), "is \"" + v.textValue()), "qualifier of " + e.getKey());
              mutations++;
            }
          } else if (v.isBoolean()) {
            mutated = prompt.replaceAll("\\b" + v.booleanValue() + "\\b", "maybe");
          } else if (v.isNumber()) {
            mutated = prompt.replaceAll("(?<![0-9.])" + v.asText() + "(?![0-9])", "N");
          } else {
            mutated = prompt.replace(v.get(0).asText().replace("\"", "\\\""), "XXXX");
          }
          // A value equal (any case) to another field's value is covered by either mention: a
          // presence check on free text cannot tell them apart, so such mutations are skipped.
          if (v.isTextual() && t.task().invariants().stream().flatMap(x -> x.match().values().stream())
              .filter(x -> x.isTextual() && x.textValue().equalsIgnoreCase(v.textValue())).count() > 1) continue;
          assertCaught(t, mutated, inv.resourceType() + " " + e.getKey());
          mutations++;
        }
      }
      assertCaught(t, prompt.replace(t.validatorSa(), "someone@example.com"), "validator SA");
      assertCaught(t, prompt.replace("zip", "tarball"), "zip");
      assertCaught(t, prompt.replace("Google Cloud", "the cloud"), "provider");
      assertCaught(t, prompt + " See the README.", "banned word");
      assertCaught(t, prompt + " caf\u00e9", "non-ASCII");
    }
    assertThat(mutations).isGreaterThan(2000);
  }

  /** The reference's own weak spots: "10" inside a CIDR, booleans as "on", exact values as prefixes. */
  @Test
  void numbersBooleansAndExactNamesNeedRealEvidence() {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(5, 1), Selection.family("topic_with_subscription"));
    String p = t.prompt();
    Invariant sub = t.task().invariants().stream().filter(i -> i.resourceType().equals("google_pubsub_subscription")).findFirst().orElseThrow();
    int ack = sub.match().get("values.ack_deadline_seconds").intValue();
    String noAck = p.replaceAll("(?<![0-9.])" + ack + "(?![0-9])", "ack");
    assertThat(checker.check(t.task(), noAck + " cidr 10." + ack + ".0.0/24 v" + ack + ".5", t.validatorSa()).ok()).isFalse();
    Invariant topic = t.task().invariants().get(0);
    String name = topic.match().get("values.name").textValue();
    if ("exact_match".equals(topic.comparisonRule().get("values.name"))) {
      String affixed = p.replace("exactly \"" + name, "a name with the prefix \"" + name).replace("is exactly \"" + name, "starts with \"" + name);
      assertThat(checker.check(t.task(), affixed, t.validatorSa()).problems()).anyMatch(s -> s.contains("exact value"));
    }
  }

  /**
   * The reference's deterministic fallback prompts (judge corpus) fail this checker: they never
   * explain that affixed names need an extra character, and startup scripts lose their lines.
   */
  @Test
  void referenceFallbackPromptsAreFlagged() throws Exception {
    Path dir = Path.of(System.getProperty("alphacore.vectors", "../../shared/vectors"), "judge");
    Assumptions.assumeTrue(Files.isDirectory(dir));
    ObjectMapper m = new ObjectMapper();
    int flaggedAffix = 0, flaggedScript = 0, total = 0;
    try (var s = Files.list(dir)) {
      for (Path c : s.filter(x -> x.getFileName().toString().matches("\\d+-ideal-.*")).sorted().toList()) {
        JsonNode j = m.readTree(c.resolve("task.json").toFile());
        Task task = Task.fromJson(j);
        CheckResult r = checker.check(task, j.path("prompt").asText(), "validator@example-proj.iam.gserviceaccount.com");
        total++;
        if (r.problems().stream().anyMatch(x -> x.startsWith("affix rule"))) flaggedAffix++;
        if (r.problems().stream().anyMatch(x -> x.contains("startup script line"))) flaggedScript++;
      }
    }
    assertThat(total).isGreaterThan(30);
    assertThat(flaggedAffix).isGreaterThanOrEqualTo(10);
    assertThat(flaggedScript).isGreaterThan(5);
  }

  private void assertCaught(GeneratedTask t, String mutated, String what) {
    assertThat(checker.check(t.task(), mutated, t.validatorSa()).ok()).as("mutation not caught: %s in %s\n%s", what, t.taskId(), mutated).isFalse();
  }

  @SuppressWarnings("unused")
  private static final Pattern UNUSED = Pattern.compile("");
}
