package ai.alphacore.neurons.localnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, end to end on loopback: the reference agent must win, offline and copycat score 0. */
class LocalnetTest {
  @Test
  void theWholeSubnetRunsAndTheRightMinerWins(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    LocalnetConfig cfg = new LocalnetConfig(4, 2, dir.resolve("net"), dir.resolve("report"), 7,
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    LocalnetReport r = Localnet.run(cfg);
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(r.healthy()).as(out).isTrue();
    assertThat(out).contains("reference").contains("copycat").contains("weights on chain");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("report/summary.json").toFile());
    assertThat(summary.get("rounds")).hasSize(2);
    for (JsonNode round : summary.get("rounds")) {
      for (JsonNode m : round.get("miners")) {
        switch (m.get("agent").asText()) {
          case "reference" -> {
            assertThat(m.get("score").asDouble()).isEqualTo(1.0);
            assertThat(m.get("weight").asDouble()).isGreaterThan(0);
          }
          case "offline", "copycat" -> {
            assertThat(m.get("score").asDouble()).isZero();
            assertThat(m.get("weight").asDouble()).isZero();
          }
          case "sloppy" -> assertThat(m.get("score").asDouble()).isLessThan(1.0);
          default -> throw new AssertionError(m.toString());
        }
      }
    }
    assertThat(Files.readString(dir.resolve("report/report.html"))).contains("<svg").contains("reference");
  }

  @Test
  void aRestartOverTheSameDataDirectoryKeepsWorking(@TempDir Path dir) throws Exception {
    LocalnetConfig cfg = new LocalnetConfig(4, 1, dir.resolve("net"), null, 3, null);
    assertThat(Localnet.run(cfg).healthy()).isTrue();
    LocalnetReport again = Localnet.run(cfg);
    assertThat(again.healthy()).as(String.join("; ", again.problems())).isTrue();
    assertThat(dir.resolve("net/validator/state.json")).exists();
  }

  @Test
  void badArgumentsAreRefusedWithAReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocalnetConfig(0, 3, Path.of("x"), null, 1, null))
        .hasMessageContaining("--miners");
  }
}
