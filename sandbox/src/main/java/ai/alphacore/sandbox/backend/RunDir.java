package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.intake.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;

/**
 * A run's host directory: root-owned, group = the run's uid, no access for anyone else. The
 * sandbox uid can read what it must bind; other host users cannot even list it.
 */
public final class RunDir implements AutoCloseable {
  private final Path path;

  private RunDir(Path path) {
    this.path = path;
  }

  public static RunDir create(String id) throws IsolationException {
    return create(id, "rwx------");
  }

  /** {@code rwx--x--x} for a parent whose children carry their own group permissions. */
  public static RunDir create(String id, String mode) throws IsolationException {
    try {
      Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "alphacore-sbx"));
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
      Path p = base.resolve(id);
      if (Files.exists(p)) Workspace.deleteTree(p);
      Files.createDirectory(p);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
      return new RunDir(p);
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "cannot create run directory: " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  public Path resolve(String s) {
    return path.resolve(s);
  }

  /** Gives group {@code gid} read (and directory traversal) on the tree, others nothing. */
  public static void grantRead(Path root, int gid) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(p)) continue;
        v.setGroup(group(p, gid));
        boolean dir = Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean exec = !dir && Files.isExecutable(p);
        v.setPermissions(PosixFilePermissions.fromString(dir || exec ? "rwxr-x---" : "rw-r-----"));
      }
    }
  }

  /** Makes {@code p} owned by uid:gid with the given mode (the results directory). */
  public static void own(Path p, int uid, String mode) throws IOException {
    PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class);
    v.setOwner(user(p, uid));
    v.setGroup(group(p, uid));
    v.setPermissions(PosixFilePermissions.fromString(mode));
  }

  private static GroupPrincipal group(Path p, int gid) throws IOException {
    // The JDK parses a numeric name as the id itself, so no /etc/group entry is needed.
    return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(Integer.toString(gid));
  }

  private static UserPrincipal user(Path p, int uid) throws IOException {
    return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(Integer.toString(uid));
  }

  @Override
  public void close() {
    try {
      Workspace.deleteTree(path);
    } catch (IOException ignored) {
      // retried by the next run with the same id; ids are unique per run
    }
  }
}
