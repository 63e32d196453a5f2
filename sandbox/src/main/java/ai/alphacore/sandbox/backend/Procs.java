package ai.alphacore.sandbox.backend;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs host commands: a fully controlled environment (never inherited, so no host secret leaks
 * in), stdin written and closed, output drained with a cap, and on timeout the whole process tree
 * killed. Setup commands (ip, iptables, mkfs) go through {@link #check}.
 */
public final class Procs {
  private Procs() {}

  /** The result of one process. {@code output} is stdout and stderr merged, capped. */
  public record Exit(int code, boolean timedOut, String output, Duration wall) {}

  public static final Map<String, String> BASE_ENV = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL", "C");

  public static Exit run(List<String> argv, Map<String, String> env, byte[] stdin, Duration timeout, long outputCap, Path cwd)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(BASE_ENV);
    pb.environment().putAll(env);
    if (cwd != null) pb.directory(cwd.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    BoundedCapture out = new BoundedCapture(outputCap);
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        out.drain(p.getInputStream());
      } catch (IOException ignored) {
        // the process was killed; what was read is kept
      }
    });
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) in.write(stdin);
    } catch (IOException ignored) {
      // the child closed stdin early (it may not read it); its exit code tells the story
    }
    boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!done) killTree(p.toHandle());
    p.waitFor();
    reader.join(Duration.ofSeconds(5));
    return new Exit(p.exitValue(), !done, out.text(), Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Kills descendants first (they may have been re-parented otherwise), then the process. */
  public static void killTree(ProcessHandle h) {
    h.descendants().forEach(ProcessHandle::destroyForcibly);
    h.destroyForcibly();
  }

  /** Runs a short setup command; a non-zero exit becomes an IsolationException with its output. */
  public static String check(IsolationError code, Duration timeout, String... argv) throws IsolationException {
    return check(code, timeout, null, argv);
  }

  public static String check(IsolationError code, Duration timeout, byte[] stdin, String... argv) throws IsolationException {
    try {
      Exit e = run(List.of(argv), Map.of(), stdin, timeout, 64 * 1024, null);
      if (e.code() != 0 || e.timedOut()) {
        throw new IsolationException(code, String.join(" ", argv) + (e.timedOut() ? " timed out" : " exited " + e.code())
            + (e.output().isBlank() ? "" : ": " + e.output().strip()));
      }
      return e.output();
    } catch (IOException ex) {
      throw new IsolationException(code, "cannot run " + argv[0] + ": " + ex.getMessage(), ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IsolationException(code, "interrupted while running " + argv[0], ex);
    }
  }

  /** Like check, but returns the exit instead of throwing; for cleanup and probes. */
  public static Exit quiet(Duration timeout, String... argv) {
    try {
      return run(List.of(argv), Map.of(), null, timeout, 64 * 1024, null);
    } catch (IOException ex) {
      return new Exit(127, false, ex.getMessage(), Duration.ZERO);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return new Exit(130, false, "interrupted", Duration.ZERO);
    }
  }
}
