package ai.alphacore.cli.judge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of ../shared/vectors/judge through the CLI code path ({@code alphacore validate
 * --json}) in compat mode: status, counts, score, msg, exit code and per-invariant flags must
 * equal the Python reference's verdict.
 */
class JudgeConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;

  static Path corpus() {
    String v = System.getProperty("alphacore.vectors");
    assertThat(v).as("system property alphacore.vectors (set by the root pom)").isNotNull();
    Path dir = Path.of(v, "judge");
    assertThat(dir).as("judge vectors at %s (CI keeps ../shared beside the checkout)", dir).isDirectory();
    return dir;
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(corpus())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
    }
  }

  @Test
  void corpusIsComplete() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(315);
  }

  @TestFactory
  List<DynamicTest> everyCaseMatchesTheReference() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : cases()) tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    return tests;
  }

  static Path stateOf(Path c) throws IOException {
    Path gz = c.resolve("terraform.tfstate.gz");
    if (!Files.exists(gz)) return c.resolve("terraform.tfstate");
    Path out = tmp.resolve(c.getFileName() + ".tfstate");
    if (!Files.exists(out)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return out;
  }

  private static void check(Path c) throws IOException {
    JsonNode exp = JSON.readTree(c.resolve("expected.json").toFile());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.execute(new PrintWriter(out), new PrintWriter(err),
        "validate", "--task", c.resolve("task.json").toString(), "--state", stateOf(c).toString(), "--json");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode got = JSON.readTree(out.toString());
    String status = exp.get("status").asText();
    String why = c.getFileName() + ": " + exp.get("notes").asText();
    assertThat(got.get("status").asText()).as(why).isEqualTo(status);
    assertThat(got.get("passed_invariants").asInt()).as(why).isEqualTo(exp.get("passed_invariants").asInt());
    assertThat(got.get("total_invariants").asInt()).as(why).isEqualTo(exp.get("total_invariants").asInt());
    assertThat(got.get("score").asDouble()).as(why).isCloseTo(exp.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    switch (status) {
      case "pass" -> assertThat(rc).as(why).isZero();
      case "fail" -> {
        assertThat(rc).as(why).isEqualTo(1);
        assertThat(got.path("msg").asText()).as(why).isEqualTo(exp.get("msg").asText());
      }
      default -> assertThat(rc).as(why).isNotZero();
    }
    JsonNode per = exp.path("invariant_results");
    if (per.isArray() && !per.isEmpty()) {
      JsonNode mine = got.get("invariants");
      assertThat(mine.size()).as(why).isEqualTo(per.size());
      for (int i = 0; i < per.size(); i++) {
        assertThat(mine.get(i).get("resource_type").asText()).as(why).isEqualTo(per.get(i).get("resource_type").asText());
        assertThat(mine.get(i).get("passed").asBoolean()).as(why + " invariant " + (i + 1)).isEqualTo(per.get(i).get("passed").asBoolean());
      }
    }
  }
}
