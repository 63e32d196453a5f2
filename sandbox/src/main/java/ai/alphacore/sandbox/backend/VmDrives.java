package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.guest.Ext4Image;
import ai.alphacore.sandbox.guest.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;

/**
 * The per-run drives both VM backends hand the guest (GuestLayout.DRIVES: vdb workspace, vdc
 * results, vdd secret), and reading the results drive back without mounting it.
 */
final class VmDrives {
  private VmDrives() {}

  /** What the guest may write to the results drive: the state, two capped logs, small files. */
  static long resultsBytes(Limits l) {
    return l.stateBytes() + 2 * l.logBytes() + Limits.MIB;
  }

  /** An ext4 image of the staged workspace, built from a world-readable copy in {@code scratch}. */
  static Path workspace(Path staged, Path scratch, Path image) throws IOException, IsolationException {
    long bytes = du(staged);
    Path src = worldReadableCopy(staged, scratch);
    return Ext4Image.build(src, image, Math.max(16 * Limits.MIB, bytes * 2 + 8 * Limits.MIB), "acore-ws");
  }

  /** The raw results drive, sized for {@link #resultsBytes} plus the tar stream's overhead. */
  static Path results(Path image, Limits l) throws IOException, IsolationException {
    return Ext4Image.raw(image, roundUp(resultsBytes(l) + 4 * Limits.MIB));
  }

  /** The secret drive: the token line, then zeros to 4 KiB. Overwritten and deleted after the run. */
  static Path secret(Path p, GuestRun run) throws IOException {
    byte[] line = BwrapBackend.tokenLine(run);
    if (line.length > 4096) throw new IOException("token too long for the secret drive");
    byte[] block = new byte[4096];
    System.arraycopy(line, 0, block, 0, line.length);
    Arrays.fill(line, (byte) 0);
    Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(p, block);
    Arrays.fill(block, (byte) 0);
    return p;
  }

  static void wipe(Path p) {
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.write(new byte[(int) Math.min(f.length(), 4096)]);
    } catch (IOException ignored) {
      // deleted with the run directory anyway
    }
  }

  /** The files the guest wrote, or none when it died before writing results (the console says why). */
  static Map<String, byte[]> readResults(Path image, Limits l) throws IOException {
    try (InputStream in = Files.newInputStream(image)) {
      return TarReader.read(in, l.stateBytes(), 16);
    } catch (TarReader.TarException e) {
      return Map.of();
    }
  }

  /** The runner's exit code from its {@code exit} file, or -1 when it is missing or not a number. */
  static int exitCode(Map<String, byte[]> files) {
    byte[] e = files.get("exit");
    if (e == null) return -1;
    try {
      return Integer.parseInt(new String(e, StandardCharsets.US_ASCII).trim());
    } catch (NumberFormatException x) {
      return -1;
    }
  }

  /**
   * The image must be readable by the guest's uid 2000, which has no relation to host ids; the
   * copy lives in the 0700 run directory, so the host side stays private.
   */
  static Path worldReadableCopy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(p, t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    return to;
  }

  private static long roundUp(long b) {
    return (b + Limits.MIB - 1) / Limits.MIB * Limits.MIB;
  }

  private static long du(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
