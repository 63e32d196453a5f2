package ai.alphacore.sandbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.SandboxException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's Z-vectors (validation.md 7.5) and the attacks the issue names. */
class ZipAttackTest {
  private final SafeZipExtractor extractor = new SafeZipExtractor(ZipLimits.REFERENCE);

  private static SandboxError codeOf(SafeZipExtractor x, byte[] zip) {
    try {
      x.extract(zip);
    } catch (SandboxException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.code();
    }
    throw new AssertionError("zip was accepted");
  }

  private SandboxError codeOf(byte[] zip) {
    return codeOf(extractor, zip);
  }

  private static String messageOf(SafeZipExtractor x, byte[] zip) {
    try {
      x.extract(zip);
    } catch (SandboxException e) {
      return e.getMessage();
    }
    throw new AssertionError("zip was accepted");
  }

  private static ZipForge z1(boolean withUpperCaseDuplicate) {
    ZipForge f = new ZipForge();
    for (String n : List.of("main.tf", "terraform.tfstate", "miner.json", "task.json", "README.md", "run.sh",
        "vars.auto.tfvars", "x.tf.json", "other.json", ".terraform.lock.hcl", ".terraform/providers/p", "mod/a/main.tf",
        "mod/a/notes.txt", "terraform.tfstate.backup", "old.tfstate", "old.tfstate.backup", ".git/config",
        "__pycache__/a.pyc", "terraform_runner.py", "gcp-access-token", "sub/task.json")) {
      f.add(n, "content of " + n);
    }
    if (withUpperCaseDuplicate) f.add("MAIN.TF", "upper");
    return f;
  }

  @Test
  void z1SanitizationKeepsExactlyTheAllowlistWhenCaseCollisionsAreAllowedAsInTheReference() throws Exception {
    var compat = new SafeZipExtractor(ZipLimits.REFERENCE.withCaseCollisions(false));
    Workspace w = compat.extract(z1(true).build());
    assertThat(w.files().keySet()).containsExactlyInAnyOrder("MAIN.TF", "main.tf", "miner.json", "mod/a/main.tf",
        "old.tfstate", "sub/task.json", "task.json", "terraform.tfstate", "terraform.tfstate.backup",
        "vars.auto.tfvars", "x.tf.json");
    assertThat(w.directories()).contains("mod", "mod/a", "sub").doesNotContain(".terraform", ".git", "__pycache__");
    assertThat(w.report().dropped()).contains("README.md", "run.sh", "other.json", ".terraform.lock.hcl",
        ".terraform/providers/p", "mod/a/notes.txt", "old.tfstate.backup", "terraform_runner.py", "gcp-access-token");
    assertThat(w.report().entries()).isEqualTo(22);
  }

  @Test
  void z1ByDefaultRefusesNamesThatDifferOnlyByCase() throws Exception {
    assertThat(codeOf(z1(true).build())).isEqualTo(SandboxError.CASE_COLLISION);
    assertThat(extractor.extract(z1(false).build()).files()).containsKey("main.tf").hasSize(10);
  }

  @Test
  void z2AbsolutePath() {
    ZipForge f = new ZipForge();
    f.add("/etc/passwd", "x");
    assertThat(messageOf(extractor, f.build())).isEqualTo("Refusing unsafe zip entry: /etc/passwd");
  }

  @Test
  void z3DotDotTraversal() {
    ZipForge f = new ZipForge();
    f.add("a/../../x.tf", "x");
    assertThat(messageOf(extractor, f.build())).isEqualTo("Refusing unsafe zip entry: a/../../x.tf");
    ZipForge g = new ZipForge();
    g.add("..", "x");
    assertThat(codeOf(g.build())).isEqualTo(SandboxError.UNSAFE_PATH);
  }

  @Test
  void z4SymlinkEntry() {
    ZipForge f = new ZipForge();
    f.add("link.tf", "/etc/passwd").stored().mode(0120777);
    assertThat(messageOf(extractor, f.build())).isEqualTo("Refusing symlink entry in archive: link.tf");
  }

  @Test
  void z5EntryCountLimitIs100() throws Exception {
    ZipForge ok = new ZipForge();
    for (int i = 0; i < 100; i++) ok.add("f" + i + ".tf", "x");
    assertThat(extractor.extract(ok.build()).files()).hasSize(100);
    ZipForge bad = new ZipForge();
    for (int i = 0; i < 101; i++) bad.add("f" + i + ".tf", "x");
    assertThat(messageOf(extractor, bad.build())).isEqualTo("Refusing zip: file count exceeds limit (100).");
  }

  @Test
  void z6DirectoryEntriesCount() {
    ZipForge f = new ZipForge();
    for (int i = 0; i < 50; i++) f.dir("d" + i);
    for (int i = 0; i < 51; i++) f.add("f" + i + ".tf", "x");
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.TOO_MANY_ENTRIES);
  }

  @Test
  void z7TotalSizeLimitIs50MiBExactly() throws Exception {
    ZipForge ok = new ZipForge();
    ok.add("big.tfstate", new byte[52428800]).stored();
    assertThat(extractor.extract(ok.build()).report().bytes()).isEqualTo(52428800L);
    ZipForge bad = new ZipForge();
    bad.add("big.tfstate", new byte[52428801]).stored();
    assertThat(messageOf(extractor, bad.build()))
        .isEqualTo("Refusing zip: extracted size exceeds limit (52428800 bytes).");
  }

  @Test
  void z8BackslashesAreOrdinaryCharacters() throws Exception {
    ZipForge f = new ZipForge();
    f.add("..\\..\\evil.tf", "x");
    assertThat(extractor.extract(f.build()).files()).containsOnlyKeys("..\\..\\evil.tf");
  }

  @Test
  void z9UnderDeclaredSizeIsCaughtOnActualBytes() {
    byte[] big = "resource \"x\" \"y\" {}\n".repeat(250_000).getBytes(StandardCharsets.UTF_8);
    ZipForge f = new ZipForge();
    f.add("big.tf", big).declared(10);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.LYING_HEADER);
  }

  @Test
  void overDeclaredSizeAndBadCrcAreRefused() {
    ZipForge f = new ZipForge();
    f.add("a.tf", "short").declared(100);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.LYING_HEADER);
    ZipForge g = new ZipForge();
    g.add("a.tf", "data").crc = 12345L;
    assertThat(messageOf(extractor, g.build())).isEqualTo("Bad CRC-32 for file 'a.tf'");
  }

  @Test
  void zipBombByRatio() {
    ZipForge f = new ZipForge();
    f.add("bomb.tfstate", new byte[40 * 1024 * 1024]);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.RATIO_EXCEEDED);
  }

  @Test
  void zipBombByDeclaredSizeIsRefusedBeforeReading() {
    ZipForge f = new ZipForge();
    f.add("bomb.tfstate", new byte[1000]).declared(4_000_000_000L);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.TOO_LARGE);
    ZipForge g = new ZipForge();
    for (int i = 0; i < 11; i++) g.add("b" + i + ".tf", new byte[10]).declared(5 * 1024 * 1024);
    assertThat(codeOf(g.build())).isEqualTo(SandboxError.TOO_LARGE);
  }

  @Test
  void zipBombThatLiesAboutItsSize() {
    ZipForge f = new ZipForge();
    f.add("bomb.tfstate", new byte[60 * 1024 * 1024]).declared(1000);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.LYING_HEADER);
  }

  @Test
  void overlappingEntriesBomb() {
    ZipForge f = new ZipForge();
    f.add("a.tf", "x".repeat(1000));
    for (int i = 0; i < 5; i++) {
      ZipForge.Entry e = f.add("a.tf", "x".repeat(1000));
      e.name = ("b" + i + ".tf").getBytes(StandardCharsets.UTF_8);
      e.localOffsetOf = 0;
    }
    // Names differ from the shared local header, which is caught first; either way it is a lie.
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.LYING_HEADER);
  }

  @Test
  void tenThousandEntriesAreRefusedFromTheEndRecordAlone() {
    ZipForge f = new ZipForge();
    for (int i = 0; i < 10_000; i++) f.add("f" + i, new byte[0]).stored();
    long t = System.nanoTime();
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.TOO_MANY_ENTRIES);
    // An end record that under-states the count is caught while walking the central directory.
    f.eocdCount(3);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.TOO_MANY_ENTRIES);
    assertThat(System.nanoTime() - t).isLessThan(5_000_000_000L);
  }

  @Test
  void endRecordThatOverStatesTheCountIsALie() {
    ZipForge f = new ZipForge();
    f.add("a.tf", "x");
    f.eocdCount(2);
    assertThat(codeOf(f.build())).isIn(SandboxError.LYING_HEADER, SandboxError.CORRUPT);
  }

  @Test
  void localHeaderNamingAnotherFileIsALie() {
    ZipForge f = new ZipForge();
    f.add("main.tf", "x").localName = "../../evil".getBytes(StandardCharsets.UTF_8);
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.LYING_HEADER);
  }

  @Test
  void nestedArchivesAreRefusedByContentWhateverTheirName() throws Exception {
    ZipForge inner = new ZipForge();
    inner.add("x.tf", "x");
    ZipForge f = new ZipForge();
    f.add("innocent.tf", inner.build());
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.NESTED_ARCHIVE);

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var o = new GZIPOutputStream(gz)) {
      o.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    ZipForge g = new ZipForge();
    g.add("state.tfstate", gz.toByteArray());
    assertThat(codeOf(g.build())).isEqualTo(SandboxError.NESTED_ARCHIVE);

    byte[] tar = new byte[1024];
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
    ZipForge t = new ZipForge();
    t.add("payload.bin", tar);
    assertThat(codeOf(t.build())).isEqualTo(SandboxError.NESTED_ARCHIVE);
  }

  @Test
  void duplicatesAndFileDirectoryConflicts() {
    ZipForge d = new ZipForge();
    d.add("a.tf", "1");
    d.add("a.tf", "2");
    assertThat(codeOf(d.build())).isEqualTo(SandboxError.DUPLICATE_NAME);
    ZipForge d2 = new ZipForge();
    d2.add("./a.tf", "1");
    d2.add("a.tf", "2");
    assertThat(codeOf(d2.build())).isEqualTo(SandboxError.DUPLICATE_NAME);
    ZipForge c = new ZipForge();
    c.add("mod", "i am a file");
    c.add("mod/main.tf", "x");
    assertThat(codeOf(c.build())).isEqualTo(SandboxError.PATH_CONFLICT);
    ZipForge cc = new ZipForge();
    cc.add("Mod/a.tf", "1");
    cc.add("mod/b.tf", "2");
    assertThat(codeOf(cc.build())).isEqualTo(SandboxError.CASE_COLLISION);
    ZipForge nfc = new ZipForge();
    nfc.add("caf\u00e9.tf", "1");
    nfc.add("cafe\u0301.tf", "2");
    assertThat(codeOf(nfc.build())).isEqualTo(SandboxError.CASE_COLLISION);
  }

  @Test
  void explicitDirectoryAfterImpliedOneIsFine() throws Exception {
    ZipForge f = new ZipForge();
    f.add("mod/a/main.tf", "x");
    f.dir("mod");
    f.dir("mod/a");
    assertThat(extractor.extract(f.build()).directories()).containsExactly("mod", "mod/a");
  }

  @Test
  void namesMustBeUtf8WithoutControlCharacters() {
    ZipForge f = new ZipForge();
    f.add(new byte[] {'a', (byte) 0xff, '.', 't', 'f'}, new byte[] {1});
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.BAD_NAME_ENCODING);
    ZipForge g = new ZipForge();
    g.add("a\u0000.tf", "x");
    assertThat(codeOf(g.build())).isEqualTo(SandboxError.BAD_NAME_ENCODING);
    ZipForge h = new ZipForge();
    h.add("", "x");
    assertThat(codeOf(h.build())).isEqualTo(SandboxError.EMPTY_NAME);
  }

  @Test
  void devicesFifosAndSockets() {
    for (int mode : new int[] {0020644, 0060644, 0010644, 0140644}) {
      ZipForge f = new ZipForge();
      f.add("dev.tf", "").stored().mode(mode);
      assertThat(codeOf(f.build())).isEqualTo(SandboxError.SPECIAL_FILE);
    }
  }

  @Test
  void encryptedAndExoticMethodsAreRefused() {
    ZipForge f = new ZipForge();
    f.add("a.tf", "x").flags |= 1;
    assertThat(codeOf(f.build())).isEqualTo(SandboxError.ENCRYPTED);
    ZipForge g = new ZipForge();
    ZipForge.Entry e = g.add("a.tf", "x");
    e.method = 12;
    e.rawCompressed = new byte[] {1, 2, 3};
    assertThat(codeOf(g.build())).isEqualTo(SandboxError.UNSUPPORTED_METHOD);
  }

  @Test
  void garbageAndTruncationAreCorrupt() {
    assertThat(codeOf("not a zip at all, just text that is long enough".getBytes())).isEqualTo(SandboxError.CORRUPT);
    assertThat(codeOf(new byte[0])).isEqualTo(SandboxError.CORRUPT);
    ZipForge f = new ZipForge();
    f.add("a.tf", "x".repeat(5000));
    byte[] z = f.build();
    byte[] cut = java.util.Arrays.copyOf(z, z.length / 2);
    assertThat(codeOf(cut)).isEqualTo(SandboxError.CORRUPT);
    ZipForge bad = new ZipForge();
    bad.add("a.tf", "x").rawCompressed = new byte[] {(byte) 0xff, (byte) 0xff, 0, 0};
    assertThat(codeOf(bad.build())).isIn(SandboxError.CORRUPT, SandboxError.LYING_HEADER);
  }

  @Test
  void extractToDirectoryWritesOnlyInsideAndAtomically(@TempDir Path tmp) throws Exception {
    Path target = tmp.resolve("ws");
    extractor.extractToDirectory(writeZip(tmp, z1(false).build()), target);
    try (Stream<Path> s = Files.walk(tmp)) {
      assertThat(s.filter(p -> !p.startsWith(target)).map(tmp::relativize).map(Path::toString))
          .containsExactlyInAnyOrder("", "in.zip");
    }
    assertThat(Files.readString(target.resolve("mod/a/main.tf"))).isEqualTo("content of mod/a/main.tf");
    assertThat(target.resolve("run.sh")).doesNotExist();

    ZipForge bad = new ZipForge();
    bad.add("ok.tf", "x");
    bad.add("/etc/passwd", "x");
    Path t2 = tmp.resolve("ws2");
    assertThatThrownBy(() -> extractor.extractToDirectory(writeZip(tmp, bad.build()), t2))
        .isInstanceOf(SandboxException.class);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.zip", "ws");
    }
    assertThatThrownBy(() -> extractor.extractToDirectory(writeZip(tmp, z1(false).build()), target))
        .isInstanceOf(SandboxException.class).extracting(e -> ((SandboxException) e).code()).isEqualTo(SandboxError.IO);
  }

  @Test
  void directorySinkRefusesToEscapeEvenIfAskedDirectly(@TempDir Path tmp) throws Exception {
    DirectorySink sink = new DirectorySink(tmp.resolve("root"));
    assertThatThrownBy(() -> sink.file("../x")).hasMessageContaining("escapes");
    Files.createSymbolicLink(tmp.resolve("root/link"), tmp);
    assertThatThrownBy(() -> sink.file("link/x")).hasMessageContaining("symlink");
  }

  @Test
  void archiveFileOverTheSizeCapIsRefused(@TempDir Path tmp) throws Exception {
    var small = new SafeZipExtractor(new ZipLimits(100, 1000, 100, 100, 50, 1024, 255, 32, true));
    ZipForge f = new ZipForge();
    f.add("a.tf", "x".repeat(200)).stored();
    assertThat(codeOf(small, f.build())).isEqualTo(SandboxError.TOO_LARGE);
    assertThatThrownBy(() -> small.extract(writeZip(tmp, f.build())))
        .extracting(e -> ((SandboxException) e).code()).isEqualTo(SandboxError.TOO_LARGE);
  }

  private static Path writeZip(Path dir, byte[] zip) throws Exception {
    Path p = dir.resolve("in.zip");
    Files.write(p, zip);
    return p;
  }
}
