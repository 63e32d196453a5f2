package ai.alphacore.sandbox.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A sanitized submission held in memory: the files that survived, by normalised path. Later
 * verifications (sandboxed refresh) {@link #materialize} it on disk.
 */
public record Workspace(Map<String, byte[]> files, List<String> directories, ExtractionReport report) {

  public Workspace {
    files = Map.copyOf(files);
    directories = List.copyOf(directories);
  }

  public Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /**
   * Writes the workspace to {@code target}, which must not exist yet: everything goes to a
   * sibling temp directory first, then one atomic rename, so a crash leaves no partial workspace.
   */
  public Path materialize(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs)) throw new IOException("workspace target already exists: " + abs);
    Path staging = abs.resolveSibling("." + abs.getFileName() + ".partial-" + UUID.randomUUID());
    try {
      DirectorySink sink = new DirectorySink(staging);
      for (String d : directories) sink.directory(d);
      for (var e : files.entrySet()) {
        try (var out = sink.file(e.getKey())) {
          out.write(e.getValue());
        }
      }
      try {
        Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot move the workspace into place atomically: " + abs, e);
      }
      return abs;
    } finally {
      deleteTree(staging);
    }
  }

  /** Deletes a tree without following links; missing is fine. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
