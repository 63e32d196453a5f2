package ai.alphacore.core.judge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a state comes from: a file, or bytes already in hand. Opened once, by the judge. */
@FunctionalInterface
public interface StateSource {
  /** Opens the state; throws {@link java.nio.file.NoSuchFileException} when there is none. */
  InputStream open() throws IOException;

  static StateSource of(Path path) {
    return () -> Files.newInputStream(path);
  }

  static StateSource of(byte[] bytes) {
    return () -> new java.io.ByteArrayInputStream(bytes);
  }
}
