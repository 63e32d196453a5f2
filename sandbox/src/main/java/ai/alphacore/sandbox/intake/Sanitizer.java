package ai.alphacore.sandbox.intake;

import java.util.Locale;
import java.util.Set;

/**
 * The reference's workspace allowlist (validation.md 4.4), applied per entry while extracting so
 * that dropped files never touch the disk.
 */
public final class Sanitizer {
  private static final Set<String> DROPPED_DIRS = Set.of(".terraform", ".git", "__pycache__");
  private static final Set<String> KEPT_NAMES =
      Set.of("task.json", "miner.json", "terraform.tfstate", "terraform.tfstate.backup");
  private static final String[] KEPT_SUFFIXES = {".tf", ".tf.json", ".tfvars", ".tfvars.json", ".tfstate"};
  private static final String LOCK_FILE = ".terraform.lock.hcl";

  private Sanitizer() {}

  /** True when a directory at this normalised path (or one of its ancestors) is removed. */
  public static boolean insideDroppedDirectory(String path) {
    for (String c : path.split("/")) if (DROPPED_DIRS.contains(c)) return true;
    return false;
  }

  /** Whether a directory at this normalised path stays in the workspace. */
  public static boolean keepsDirectory(String path) {
    return !insideDroppedDirectory(path);
  }

  /** Whether a file at this normalised path stays in the workspace. */
  public static boolean keepsFile(String path) {
    int slash = path.lastIndexOf('/');
    if (slash >= 0 && insideDroppedDirectory(path.substring(0, slash))) return false;
    String base = slash >= 0 ? path.substring(slash + 1) : path;
    if (base.equals(LOCK_FILE)) return false;
    if (KEPT_NAMES.contains(base)) return true;
    String lower = base.toLowerCase(Locale.ROOT);
    for (String s : KEPT_SUFFIXES) if (lower.endsWith(s)) return true;
    return false;
  }
}
