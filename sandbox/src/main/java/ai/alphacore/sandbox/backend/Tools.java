package ai.alphacore.sandbox.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds host executables on a fixed PATH (never the caller's PATH, which a user may control). */
public final class Tools {
  private static final List<String> DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private Tools() {}

  public static Optional<Path> find(String name) {
    if (name.contains("/")) {
      Path p = Path.of(name);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String d : DIRS) {
      Path p = Path.of(d, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Adds "missing X (Debian package P)" to problems for each tool not found. */
  public static void require(List<String> problems, String... namePackagePairs) {
    for (int i = 0; i < namePackagePairs.length; i += 2) {
      if (find(namePackagePairs[i]).isEmpty()) {
        problems.add("missing " + namePackagePairs[i] + " (apt-get install " + namePackagePairs[i + 1] + ")");
      }
    }
  }

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name")) || Files.isWritable(Path.of("/proc/sys/net/ipv4/ip_forward"));
  }

  public static List<String> missing(String... names) {
    List<String> m = new ArrayList<>();
    for (String n : names) if (find(n).isEmpty()) m.add(n);
    return m;
  }
}
