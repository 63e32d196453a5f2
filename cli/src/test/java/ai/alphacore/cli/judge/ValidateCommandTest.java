package ai.alphacore.cli.judge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input at the command line: a clear message and exit 2, never a stack trace. */
class ValidateCommandTest {
  @TempDir Path dir;

  record Run(int rc, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    return new Run(rc, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static final String TASK = "{\"task_id\":\"t\",\"invariants\":[{\"resource_type\":\"google_compute_network\",\"match\":{\"values.name\":\"n\"}}]}";
  private static final String STATE = "{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":\"google_compute_network\",\"name\":\"n\",\"instances\":[{\"attributes\":{\"name\":\"n\"}}]}]}";

  @Test
  void passFailAndFormats() throws Exception {
    Path t = write("task.json", TASK);
    Path s = write("terraform.tfstate", STATE);
    assertThat(run("validate", "--task", t.toString(), "--state", s.toString()).rc()).isZero();
    for (String f : new String[] {"json", "text", "junit", "sarif"}) {
      assertThat(run("validate", "--task", t.toString(), "--state", s.toString(), "--format", f).out()).isNotBlank();
    }
    Path bad = write("bad.tfstate", STATE.replace("\"name\":\"n\"}", "\"name\":\"other\"}"));
    assertThat(run("validate", "--task", t.toString(), "--state", bad.toString(), "--mode", "strict").rc()).isEqualTo(1);
    assertThat(run("validate", "--folder", dir.toString(), "--json").out()).contains("\"status\":\"pass\"");
  }

  @Test
  void badInputExitsTwoWithAMessage() throws Exception {
    Path s = write("terraform.tfstate", STATE);
    Run missingTask = run("validate", "--task", dir.resolve("nope.json").toString(), "--state", s.toString());
    assertThat(missingTask.rc()).isEqualTo(2);
    assertThat(missingTask.err()).contains("TASK_NOT_FOUND");
    Run garbage = run("validate", "--task", write("g.json", "{\"task_id\": ").toString(), "--state", s.toString(), "--json");
    assertThat(garbage.rc()).isEqualTo(2);
    assertThat(garbage.out()).contains("\"status\":\"error\"");
    Run deep = run("validate", "--task", write("d.json", "[".repeat(5000) + "]".repeat(5000)).toString(), "--state", s.toString());
    assertThat(deep.rc()).isEqualTo(2);
    assertThat(deep.err()).contains("LIMIT_EXCEEDED");
    Path t = write("task.json", TASK);
    Run strictMissingState = run("validate", "--task", t.toString(), "--state", dir.resolve("none").toString(), "--mode", "strict");
    assertThat(strictMissingState.rc()).isEqualTo(2);
    assertThat(strictMissingState.err()).contains("STATE_NOT_FOUND");
    assertThat(run("validate", "--task", t.toString(), "--state", dir.resolve("none").toString()).rc()).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("validate").rc()).isEqualTo(2);
    assertThat(run("validate", "--task", "a", "--state", "b", "--mode", "loose").err()).contains("unknown judge mode");
    assertThat(run("validate", "--task", "a", "--state", "b", "--format", "xml").rc()).isEqualTo(2);
    assertThat(run("validate", "--folder", "/nonexistent").rc()).isEqualTo(2);
    assertThat(run("no-such-command").rc()).isEqualTo(2);
  }
}
