package ai.alphacore.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.alphacore.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alphacore sandbox}: exit codes, messages, and one real bwrap run. */
class SandboxCommandTest {
  @TempDir Path dir;

  record Run(int rc, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    return new Run(rc, out.toString(), err.toString());
  }

  Path files() throws Exception {
    Path zip = dir.resolve("ws.zip");
    Files.write(zip, SandboxBenchCommand.zip());
    Files.writeString(dir.resolve("task.json"), SandboxBenchCommand.TASK);
    return zip;
  }

  @Test
  void badInputIsExit2WithAClearMessage() throws Exception {
    Path zip = files();
    Path task = dir.resolve("task.json");
    assertThat(run("sandbox", "run", "--backend", "nope", "--workspace", zip.toString(), "--task", task.toString(), "--no-token"))
        .satisfies(r -> assertThat(r.rc()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("unknown sandbox backend 'nope'"));
    assertThat(run("sandbox", "run", "--workspace", dir.resolve("missing.zip").toString(), "--task", task.toString()).err())
        .contains("does not exist");
    assertThat(run("sandbox", "run", "--workspace", zip.toString(), "--task", task.toString(), "--token-env", "ALPHACORE_TEST_UNSET_VAR"))
        .satisfies(r -> assertThat(r.rc()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("set ALPHACORE_TEST_UNSET_VAR or pass --no-token"));
    Run fc = run("sandbox", "run", "--backend", "firecracker", "--workspace", zip.toString(), "--task", task.toString(), "--no-token");
    assertThat(fc.rc()).isEqualTo(2);
    assertThat(fc.err()).contains("backend firecracker: unavailable:");
    Run net = run("sandbox", "run", "--network", "everywhere", "--workspace", zip.toString(), "--task", task.toString(), "--no-token");
    assertThat(net.rc()).isEqualTo(2);
    assertThat(net.err()).contains("--network everywhere is not one of: none, host");
  }

  @Test
  void healthListsEveryBackendWithReasons() {
    Run r = run("sandbox", "health", "--backend", "firecracker");
    assertThat(r.out()).contains("bwrap: available", "firecracker (selected): UNAVAILABLE", "network policy:",
        "configured network (ALPHACORE_SANDBOX_NETWORK): none");
    assertThat(r.rc()).isEqualTo(1);
    assertThat(run("sandbox", "health", "--backend", "bwrap").rc()).isZero();
  }

  @Test
  void runOnBwrapPrintsVerdictStagesAndTimings() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/local/bin/terraform")), "TERRAFORM MISSING: /usr/local/bin/terraform; this CLI run needs it");
    Path zip = files();
    Run r = run("sandbox", "run", "--backend", "bwrap", "--workspace", zip.toString(), "--task", dir.resolve("task.json").toString(),
        "--no-token", "--allow-provider", "hashicorp/terraform", "--json");
    assertThat(r.rc()).as(r.out() + r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("verdict").path("status").asText()).isEqualTo("pass");
    assertThat(j.path("stages").findValuesAsText("name")).containsExactly("intake", "lint", "init", "refresh", "judge");
    Path bad = dir.resolve("bad.zip");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
      z.putNextEntry(new java.util.zip.ZipEntry("main.tf"));
      z.write("resource \"local_file\" \"f\" {\n  content = \"x\"\n}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Run lint = run("sandbox", "run", "--backend", "bwrap", "--workspace", bad.toString(), "--task", dir.resolve("task.json").toString(), "--no-token");
    assertThat(lint.rc()).isEqualTo(1);
    assertThat(lint.out()).contains("LINT_REJECTED (miner's fault)");
  }
}
