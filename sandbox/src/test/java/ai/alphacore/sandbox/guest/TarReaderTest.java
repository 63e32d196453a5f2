package ai.alphacore.sandbox.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.sandbox.backend.Procs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results drive parser: what busybox tar writes is read; what a hostile guest writes is refused. */
class TarReaderTest {
  @TempDir Path tmp;

  private byte[] tarOf(Map<String, String> files) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("src"));
    for (var e : files.entrySet()) {
      Files.createDirectories(d.resolve(e.getKey()).getParent());
      Files.writeString(d.resolve(e.getKey()), e.getValue());
    }
    Path t = tmp.resolve("r.tar");
    Procs.check(ai.alphacore.sandbox.backend.IsolationError.INTERNAL, Duration.ofSeconds(10), "busybox", "tar", "-cf", t.toString(), "-C", d.toString(), ".");
    byte[] raw = Files.readAllBytes(t);
    byte[] padded = new byte[raw.length + 8192]; // the rest of the drive is zeros
    System.arraycopy(raw, 0, padded, 0, raw.length);
    return padded;
  }

  @Test
  void readsTopLevelFilesAndIgnoresNestedOnes() throws Exception {
    Map<String, byte[]> m = TarReader.read(new ByteArrayInputStream(tarOf(Map.of("terraform.tfstate", "{}", "exit", "0\n", "sub/evil", "x"))), 1024, 16);
    assertThat(m.keySet()).containsExactlyInAnyOrder("terraform.tfstate", "exit");
    assertThat(new String(m.get("exit"), StandardCharsets.US_ASCII)).isEqualTo("0\n");
  }

  @Test
  void refusesOversizeFilesAndCorruptHeaders() throws Exception {
    byte[] t = tarOf(Map.of("big", "x".repeat(5000)));
    assertThatThrownBy(() -> TarReader.read(new ByteArrayInputStream(t), 1000, 16)).hasMessageContaining("over the cap");
    byte[] bad = tarOf(Map.of("a", "b"));
    bad[600] ^= 0x55; // inside the second header's name (first is "./")
    bad[10] ^= 0x55;
    assertThatThrownBy(() -> TarReader.read(new ByteArrayInputStream(bad), 1000, 16)).hasMessageContaining("checksum");
    assertThat(TarReader.read(new ByteArrayInputStream(new byte[4096]), 1000, 16)).isEmpty(); // guest wrote nothing
  }
}
