package ai.alphacore.sandbox.guest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed newc cpio archive (the kernel's initramfs format) in Java, so building
 * the guest needs no cpio tool and the result is byte-for-byte reproducible (all mtimes 0).
 */
public final class Initramfs implements AutoCloseable {
  private final OutputStream out;
  private long written;
  private int ino = 1;

  public Initramfs(Path target) throws IOException {
    this.out = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16);
  }

  public Initramfs dir(String path) throws IOException {
    return entry(path, 040755, 0, 0, new byte[0]);
  }

  public Initramfs file(String path, int mode, byte[] data) throws IOException {
    return entry(path, 0100000 | mode, 0, 0, data);
  }

  /** A character device node, e.g. /dev/console (5,1), which the kernel opens before /init runs. */
  public Initramfs charDevice(String path, int mode, int major, int minor) throws IOException {
    return entry(path, 020000 | mode, major, minor, new byte[0]);
  }

  private Initramfs entry(String path, int mode, int rmaj, int rmin, byte[] data) throws IOException {
    byte[] name = (path + "\0").getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder("070701");
    long[] f = {ino++, mode, 0, 0, (mode & 040000) != 0 ? 2 : 1, 0, data.length, 0, 0, rmaj, rmin, name.length, 0};
    for (long v : f) h.append(String.format("%08x", v));
    write(h.toString().getBytes(StandardCharsets.US_ASCII));
    write(name);
    pad();
    write(data);
    pad();
    return this;
  }

  private void write(byte[] b) throws IOException {
    out.write(b);
    written += b.length;
  }

  private void pad() throws IOException {
    while (written % 4 != 0) write(new byte[1]);
  }

  @Override
  public void close() throws IOException {
    entry("TRAILER!!!", 0, 0, 0, new byte[0]);
    out.close();
  }

  /** Test helper: the uncompressed archive of a few files. */
  static byte[] gunzip(Path p) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p)); var b = new ByteArrayOutputStream()) {
      in.transferTo(b);
      return b.toByteArray();
    }
  }
}
