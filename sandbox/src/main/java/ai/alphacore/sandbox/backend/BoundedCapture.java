package ai.alphacore.sandbox.backend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream completely, keeping at most {@code cap} bytes and counting the rest. Works on
 * raw bytes, never on lines, so a single 1 GB line costs a counter, not the heap.
 */
public final class BoundedCapture {
  private final long cap;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long dropped;

  public BoundedCapture(long cap) {
    this.cap = cap;
  }

  public void drain(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) add(buf, n);
  }

  synchronized void add(byte[] buf, int n) {
    long room = cap - kept.size();
    int take = (int) Math.max(0, Math.min(room, n));
    kept.write(buf, 0, take);
    dropped += n - take;
  }

  public synchronized long dropped() {
    return dropped;
  }

  /** The kept bytes as UTF-8 (malformed bytes replaced), plus a note when bytes were dropped. */
  public synchronized String text() {
    String s = kept.toString(StandardCharsets.UTF_8);
    return dropped == 0 ? s : s + "\n[... " + dropped + " more bytes not kept]";
  }

  /** Reads at most {@code cap} bytes of a stream and reports whether more followed. */
  public static byte[] readCapped(InputStream in, long cap) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cap + 1));
    return b;
  }
}
