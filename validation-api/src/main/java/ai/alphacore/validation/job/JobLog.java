package ai.alphacore.validation.job;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A job's own log file (mode 0600), appended line by line with every secret redacted before it
 * reaches the disk. Capped so a hostile submission cannot fill it.
 */
public final class JobLog implements AutoCloseable {
  private static final long MAX_BYTES = 1024 * 1024;
  private final Writer out;
  private final Redactor redactor;
  private final Clock clock;
  private long written;
  private boolean truncated;

  private JobLog(Writer out, Redactor redactor, Clock clock) {
    this.out = out;
    this.redactor = redactor;
    this.clock = clock;
  }

  public static JobLog open(Path file, Redactor redactor, Clock clock) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
    }
    return new JobLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), redactor, clock);
  }

  /** A log that goes nowhere (for tests of verifications). */
  public static JobLog discard() {
    return new JobLog(Writer.nullWriter(), Redactor.none(), Clock.systemUTC());
  }

  public synchronized void line(String text) {
    if (truncated) return;
    String l = Timestamps.iso(clock.instant()) + " " + redactor.apply(text).replace('\n', ' ') + "\n";
    try {
      if (written + l.length() > MAX_BYTES) {
        out.write("[log truncated at " + MAX_BYTES + " bytes]\n");
        truncated = true;
      } else {
        out.write(l);
        written += l.length();
      }
      // Each line reaches the file at once: a reader who sees the job finished must see its log,
      // and a crash must not take the lines already written with it.
      out.flush();
    } catch (IOException e) {
      truncated = true; // a failing log must not fail the job
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  /** The last {@code n} lines of a log file, decoded as UTF-8 with replacement. */
  public static List<String> tail(Path file, int n) throws IOException {
    Deque<String> d = new ArrayDeque<>(n);
    try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        if (d.size() == n) d.removeFirst();
        d.addLast(l);
      }
    }
    return new ArrayList<>(d);
  }
}
