package ai.alphacore.sandbox.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes into a fresh directory. Every path is re-checked for containment, files are created
 * with CREATE_NEW (never through an existing file or link), and nothing is ever a symlink.
 */
public final class DirectorySink implements ExtractSink {
  private final Path root;

  public DirectorySink(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    Files.createDirectories(this.root);
  }

  public Path root() {
    return root;
  }

  private Path resolve(String path) throws IOException {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root) || p.equals(root)) throw new IOException("path escapes the workspace: " + path);
    for (Path q = p.getParent(); q != null && !q.equals(root); q = q.getParent()) {
      if (Files.isSymbolicLink(q)) throw new IOException("symlink inside the workspace: " + q);
    }
    return p;
  }

  @Override
  public void directory(String path) throws IOException {
    Path p = resolve(path);
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return;
    Files.createDirectory(p);
  }

  @Override
  public OutputStream file(String path) throws IOException {
    return Files.newOutputStream(resolve(path), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }
}
