package ai.alphacore.sandbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.SandboxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz run: 10,000 random or mutated ZIPs, each extracted to a real directory. Every
 * run must end in a workspace or a SandboxException with a code and a message; nothing may
 * appear outside the workspace, and nothing inside may be a link or a file the allowlist drops.
 * Reproduce a failure with -Dalphacore.fuzz.seed=N.
 */
class ZipFuzzTest {
  private static final long SEED = Long.getLong("alphacore.fuzz.seed", 0x5eed_a1c0_4eL);
  private static final int CASES = Integer.getInteger("alphacore.fuzz.cases", 10_000);
  private static final List<String> NAME_PARTS = List.of("main.tf", "MAIN.TF", "a", "A", "..", ".", "", "mod",
      ".terraform", ".git", "x.tf.json", "terraform.tfstate", "task.json", "\\..\\", "caf\u00e9", "cafe\u0301",
      "run.sh", "..\\x", "~", "%2e%2e", "C:", "\u202e", "very-long-" + "z".repeat(300), "\u0000", "\n");

  private static final List<String> GOOD_PARTS = List.of("main.tf", "variables.tf", "modules", "net", "outputs.tf",
      "terraform.tfstate", "vars.auto.tfvars", "README.md", "x.tf.json", "task.json");

  @Test
  void tenThousandRandomAndMutatedZips(@TempDir Path tmp) throws Exception {
    // Small limits make the size and ratio rules reachable at fuzz speed.
    var x = new SafeZipExtractor(new ZipLimits(100, 256 * 1024, 100, 16 * 1024, 1024 * 1024, 1024, 255, 32, true));
    SplittableRandom rnd = new SplittableRandom(SEED);
    Map<SandboxError, Integer> rejected = new EnumMap<>(SandboxError.class);
    int accepted = 0;
    Path canary = tmp.resolve("canary");
    Files.createDirectories(canary);
    for (int i = 0; i < CASES; i++) {
      byte[] zip = i % 2 == 0 ? randomZip(rnd) : mutate(randomZip(rnd), rnd);
      Path ws = canary.resolve("ws");
      try {
        x.extract(zip, new DirectorySink(ws));
        accepted++;
        checkWorkspace(ws, i);
      } catch (SandboxException e) {
        assertThat(e.code()).as("case %d", i).isNotNull();
        assertThat(e.code()).as("case %d: %s", i, e.getMessage()).isNotEqualTo(SandboxError.IO);
        assertThat(e.getMessage()).as("case %d", i).isNotBlank();
        rejected.merge(e.code(), 1, Integer::sum);
        checkWorkspace(ws, i);
      } catch (Throwable t) {
        throw new AssertionError("case " + i + " (seed " + SEED + ") crashed the extractor", t);
      }
      try (Stream<Path> s = Files.list(canary)) {
        assertThat(s.map(p -> p.getFileName().toString()).toList()).as("case %d: outside the workspace", i)
            .isSubsetOf("ws");
      }
      Workspace.deleteTree(ws);
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("canary");
    }
    int total = accepted + rejected.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("zip fuzz: seed=%d cases=%d accepted=%d rejected=%s%n", SEED, total, accepted, rejected);
    assertThat(total).isEqualTo(CASES);
    assertThat(accepted).as("the generator must also make valid zips").isGreaterThan(CASES / 20);
    assertThat(rejected.keySet().size()).as("the generator must reach many rules").isGreaterThanOrEqualTo(10);
  }

  private static void checkWorkspace(Path ws, int i) throws Exception {
    if (!Files.exists(ws)) return;
    Path root = ws.toRealPath();
    try (Stream<Path> s = Files.walk(ws)) {
      for (Path p : s.toList()) {
        assertThat(Files.isSymbolicLink(p)).as("case %d: link %s", i, p).isFalse();
        assertThat(p.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(root)).isTrue();
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          String rel = ws.relativize(p).toString();
          assertThat(Sanitizer.keepsFile(rel)).as("case %d: kept %s", i, rel).isTrue();
        }
      }
    }
  }

  private static String randomName(SplittableRandom r) {
    int parts = 1 + r.nextInt(3);
    StringBuilder b = new StringBuilder();
    if (r.nextInt(20) == 0) b.append('/');
    for (int p = 0; p < parts; p++) {
      if (p > 0) b.append('/');
      if (r.nextInt(3) > 0) {
        b.append(GOOD_PARTS.get(r.nextInt(GOOD_PARTS.size())));
        continue;
      }
      b.append(NAME_PARTS.get(r.nextInt(NAME_PARTS.size())));
      if (r.nextInt(3) == 0) b.append(r.nextInt(5));
    }
    if (r.nextInt(8) == 0) b.append('/');
    return b.toString();
  }

  private static byte[] randomZip(SplittableRandom r) {
    ZipForge f = new ZipForge();
    int n = r.nextInt(12) == 0 ? 90 + r.nextInt(20) : 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      byte[] data = randomData(r);
      ZipForge.Entry e = r.nextInt(15) == 0 ? f.dir(randomName(r)) : f.add(randomName(r), data);
      if (r.nextInt(4) == 0) e.stored();
      if (r.nextInt(25) == 0) e.mode(new int[] {0120777, 0020644, 0010644, 0100644, 0040755}[r.nextInt(5)]);
      if (r.nextInt(25) == 0) e.declared(r.nextInt(1 << 20));
      if (r.nextInt(30) == 0) e.crc = r.nextLong() & 0xffffffffL;
      if (r.nextInt(40) == 0) e.flags |= 1;
      if (r.nextInt(40) == 0) e.localName = "other".getBytes(StandardCharsets.UTF_8);
      if (r.nextInt(40) == 0 && i > 0) e.localOffsetOf = 0;
      if (r.nextInt(40) == 0) e.name = new byte[] {(byte) 0xc3, (byte) r.nextInt(256), 'x'};
    }
    if (r.nextInt(30) == 0) f.eocdCount(r.nextInt(200));
    return f.build();
  }

  private static byte[] randomData(SplittableRandom r) {
    switch (r.nextInt(10)) {
      case 0:
        return new byte[r.nextInt(300 * 1024)]; // zeros: ratio and size rules
      case 1: {
        ZipForge inner = new ZipForge();
        inner.add("i.tf", "x");
        return inner.build();
      }
      case 2: {
        byte[] b = new byte[r.nextInt(2048)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
        return b;
      }
      default:
        return ("resource \"google_storage_bucket\" \"b" + r.nextInt(1000) + "\" { name = \"x\" }\n")
            .repeat(1 + r.nextInt(40)).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static byte[] mutate(byte[] zip, SplittableRandom r) {
    byte[] z = zip.clone();
    switch (r.nextInt(4)) {
      case 0 -> { // flip bytes
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) z[r.nextInt(z.length)] ^= (byte) (1 << r.nextInt(8));
      }
      case 1 -> { // truncate
        z = java.util.Arrays.copyOf(z, r.nextInt(z.length));
      }
      case 2 -> { // overwrite a 4-byte field with an extreme value
        int at = r.nextInt(Math.max(1, z.length - 4));
        int v = new int[] {0, -1, 0x7fffffff, 0xffff, r.nextInt()}[r.nextInt(5)];
        for (int i = 0; i < 4 && at + i < z.length; i++) z[at + i] = (byte) (v >>> (8 * i));
      }
      default -> { // splice a random slice over another spot
        int from = r.nextInt(z.length);
        int to = r.nextInt(z.length);
        int len = Math.min(r.nextInt(64), Math.min(z.length - from, z.length - to));
        System.arraycopy(zip, from, z, to, len);
      }
    }
    return z;
  }
}
