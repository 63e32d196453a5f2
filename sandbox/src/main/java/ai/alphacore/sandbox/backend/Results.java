package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.secret.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the runner's result files (from a bind-mounted directory or a parsed results drive) into
 * a {@link GuestResult}: stage timings from {@code stages}, capped logs, the state. Everything
 * textual passes through the run's redactor here, at the one place results enter the host.
 */
public final class Results {
  private Results() {}

  /** Reads the top-level regular files of a results directory, refusing links and oversize files. */
  public static Map<String, byte[]> readDir(Path dir, long maxFileBytes) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
          byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxFileBytes + 1));
          if (b.length > maxFileBytes) throw new IOException("result file " + p.getFileName() + " is over the cap of " + maxFileBytes + " bytes");
          out.put(p.getFileName().toString(), b);
        }
      }
    }
    return out;
  }

  public static GuestResult build(int exitCode, String killedBy, Map<String, byte[]> files, String console, Redactor r, Duration wall,
      long logCap) {
    List<GuestStage> stages = new ArrayList<>();
    byte[] st = files.get("stages");
    if (st != null) {
      for (String line : new String(st, StandardCharsets.US_ASCII).split("\n")) {
        String[] f = line.trim().split(" ");
        if (f.length != 4) continue;
        try {
          long ms = Math.round((Double.parseDouble(f[3]) - Double.parseDouble(f[2])) * 1000);
          stages.add(new GuestStage(f[0], Integer.parseInt(f[1]), Duration.ofMillis(Math.max(0, ms))));
        } catch (NumberFormatException ignored) {
          // a line the runner did not write
        }
      }
    }
    Map<String, String> logs = new LinkedHashMap<>();
    for (String name : List.of("init", "refresh")) {
      byte[] b = files.get(name + ".log");
      if (b != null) logs.put(name, r.redact(cap(new String(b, StandardCharsets.UTF_8), logCap)));
    }
    if (console != null) logs.put("console", r.redact(cap(console, logCap)));
    byte[] state = files.get("terraform.tfstate");
    return new GuestResult(exitCode, killedBy, stages, state == null ? null : r.redact(state), logs, wall);
  }

  static String cap(String s, long cap) {
    return s.length() <= cap ? s : s.substring(0, (int) cap) + "\n[... " + (s.length() - cap) + " more characters not kept]";
  }
}
