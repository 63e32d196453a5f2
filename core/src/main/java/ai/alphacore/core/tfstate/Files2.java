package ai.alphacore.core.tfstate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a whole file with one open and one size call, refusing files over a limit. */
public final class Files2 {
  private Files2() {}

  /** Thrown when the file is larger than allowed; nothing was read. */
  public static final class TooLarge extends IOException {
    public final long size;

    TooLarge(long size) {
      super("file is " + size + " bytes");
      this.size = size;
    }
  }

  public static byte[] readUpTo(Path path, long max) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > max) throw new TooLarge(size);
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading: a regular file returns what it has
      }
      if (buf.hasRemaining()) {
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
      }
      return buf.array();
    }
  }
}
