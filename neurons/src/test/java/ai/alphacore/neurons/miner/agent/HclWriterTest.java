package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * main.tf for every template. {@code terraform validate} needs the google provider, which cannot
 * be downloaded here (no network), so the binary checks only syntax and layout with
 * {@code terraform fmt -check}; that test is skipped, saying why, where terraform is missing.
 */
class HclWriterTest {
  @TempDir Path dir;
  final TaskGenerator gen = AgentFixture.generator();
  final Planner planner = new Planner(new Naming("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));
  final PromptParser parser = new PromptParser();

  String mainTf(GeneratedTask t) {
    return new HclWriter().write(planner.plan(parser.parse(t.prompt()), "miner-proj-1"), t.taskId());
  }

  @Test
  void writesReferencesHeredocsAndTheValidatorGrant() {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(3, 0), Selection.family("network_stack"));
    String hcl = mainTf(t);
    assertThat(hcl).contains("resource \"google_compute_network\" \"vpc_1\" {")
        .contains("network       = google_compute_network.vpc_1.self_link")
        .contains("subnetwork = google_compute_subnetwork.subnet_2.self_link")
        .contains("metadata_startup_script = <<EOT\n#!/bin/bash\n")
        .contains("resource \"google_project_iam_member\" \"validator_viewer\"")
        .contains("member  = \"serviceAccount:validator@example-proj.iam.gserviceaccount.com\"");
    assertThat(hcl).doesNotContain("\t");
  }

  @Test
  void quotesEscapeTemplateSequences() {
    assertThat(HclWriter.quote("a\"b\\c${x}%{y}$z\n")).isEqualTo("\"a\\\"b\\\\c$${x}%%{y}$z\\n\"");
  }

  @Test
  void everyTemplatePassesTerraformFmt() throws Exception {
    Path tf = terraform();
    assumeTrue(tf != null, "terraform binary not found (/usr/local/bin/terraform or PATH): fmt check skipped");
    int seed = 0;
    for (String key : gen.templateKeys()) {
      GeneratedTask t = gen.variant(gen.generate(TaskSeed.ofRun(5, seed++), Selection.resource(key)), AgentFixture.HOTKEY);
      Path ws = Files.createDirectories(dir.resolve(key));
      Files.writeString(ws.resolve("main.tf"), mainTf(t), StandardCharsets.UTF_8);
    }
    for (String fam : List.of("network_stack", "network_plus_storage", "dns_network_bridge", "topic_with_subscription", "project_with_iam")) {
      Path ws = Files.createDirectories(dir.resolve(fam));
      Files.writeString(ws.resolve("main.tf"), mainTf(gen.generate(TaskSeed.ofRun(6, seed++), Selection.family(fam))), StandardCharsets.UTF_8);
    }
    Process p = new ProcessBuilder(tf.toString(), "fmt", "-check", "-diff", "-recursive", dir.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
  }

  static Path terraform() {
    Path fixed = Path.of("/usr/local/bin/terraform");
    if (Files.isExecutable(fixed)) return fixed;
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(d, "terraform");
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }
}
