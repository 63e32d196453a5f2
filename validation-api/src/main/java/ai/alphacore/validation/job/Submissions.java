package ai.alphacore.validation.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stored submissions: each zip is written to {@code <name>.zip.tmp}, optionally fsynced, then
 * renamed into place, so a crash never leaves a partial zip under a final name.
 */
public final class Submissions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final boolean fsync;
  private final long maxBytes;

  public record Stored(Path path, String sha256, long bytes) {}

  /** The source is larger than the upload limit. */
  public static final class TooLarge extends IOException {
    public TooLarge(long max) {
      super("submission exceeds " + max + " bytes");
    }
  }

  public Submissions(Path dir, boolean fsync, long maxBytes) throws IOException {
    this.dir = dir;
    this.fsync = fsync;
    this.maxBytes = maxBytes;
    Files.createDirectories(dir);
  }

  public Path dir() {
    return dir;
  }

  public static String baseName(String taskId, String jobId) {
    return (taskId != null ? SafeName.of(taskId, "task") + "__" : "") + jobId;
  }

  public Stored store(InputStream in, String taskId, String jobId) throws IOException {
    Path target = dir.resolve(baseName(taskId, jobId) + ".zip");
    Path tmp = dir.resolve(baseName(taskId, jobId) + ".zip.tmp");
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long n = 0;
    try (InputStream src = new DigestInputStream(in, md);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
      byte[] buf = new byte[64 * 1024];
      int r;
      while ((r = src.read(buf)) >= 0) {
        n += r;
        if (n > maxBytes) throw new TooLarge(maxBytes);
        out.write(buf, 0, r);
      }
      out.flush();
      if (fsync) ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    return new Stored(target, HexFormat.of().formatHex(md.digest()), n);
  }

  /** The reference's metadata sidecar, {@code <name>.json}, written the same atomic way. */
  public void writeMeta(String jobId, String taskId, String minerUid, Instant receivedAt, String originalPath, Stored s)
      throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("job_id", jobId);
    o.put("task_id", taskId);
    o.put("miner_uid", minerUid);
    o.put("received_at", Timestamps.iso(receivedAt));
    o.put("original_path", originalPath);
    o.put("stored_path", s.path().toString());
    o.put("sha256", s.sha256());
    o.put("bytes", s.bytes());
    Path target = metaPath(s.path());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(o), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  public static Path metaPath(Path zip) {
    String n = zip.getFileName().toString();
    return zip.resolveSibling(n.substring(0, n.length() - ".zip".length()) + ".json");
  }
}
