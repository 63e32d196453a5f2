package ai.alphacore.sandbox.intake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Positional reads over the archive, independent of the channel handed to commons-compress. */
abstract sealed class ByteSource implements Closeable {
  abstract long size() throws IOException;

  /** Reads exactly {@code len} bytes at {@code pos}, or fewer only at the end of the data. */
  abstract int read(long pos, byte[] buf, int len) throws IOException;

  abstract SeekableByteChannel newChannel() throws IOException;

  static ByteSource of(byte[] bytes) {
    return new Bytes(bytes);
  }

  static ByteSource of(Path path) throws IOException {
    return new File(path);
  }

  private static final class Bytes extends ByteSource {
    private final byte[] bytes;

    Bytes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    long size() {
      return bytes.length;
    }

    @Override
    int read(long pos, byte[] buf, int len) {
      if (pos < 0 || pos >= bytes.length) return 0;
      int n = (int) Math.min(len, bytes.length - pos);
      System.arraycopy(bytes, (int) pos, buf, 0, n);
      return n;
    }

    @Override
    SeekableByteChannel newChannel() {
      return new SeekableInMemoryByteChannel(bytes);
    }

    @Override
    public void close() {}
  }

  private static final class File extends ByteSource {
    private final Path path;
    private final FileChannel channel;

    File(Path path) throws IOException {
      this.path = path;
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    long size() throws IOException {
      return channel.size();
    }

    @Override
    int read(long pos, byte[] buf, int len) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(buf, 0, len);
      while (b.hasRemaining()) {
        int n = channel.read(b, pos + b.position());
        if (n < 0) break;
      }
      return b.position();
    }

    @Override
    SeekableByteChannel newChannel() throws IOException {
      return FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
