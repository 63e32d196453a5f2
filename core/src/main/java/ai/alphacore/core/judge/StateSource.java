package ai.alphacore.core.judge;

import ai.alphacore.core.tfstate.StateFormatException;
import ai.alphacore.core.tfstate.StateReader;
import ai.alphacore.core.tfstate.StateSelection;
import ai.alphacore.core.tfstate.TerraformState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a state comes from: a file, bytes in hand, or any stream. Read once, by the judge. */
@FunctionalInterface
public interface StateSource {
  /** Opens the state; throws {@link NoSuchFileException} when there is none. */
  InputStream open() throws IOException;

  /** Fails early with {@link NoSuchFileException} when it is known there is no state. */
  default void checkExists() throws NoSuchFileException {}

  default TerraformState read(StateReader reader, StateSelection selection) throws IOException, StateFormatException {
    try (InputStream in = open()) {
      return reader.read(in, selection);
    }
  }

  static StateSource of(Path path) {
    return new StateSource() {
      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }

      @Override
      public void checkExists() throws NoSuchFileException {
        // Files.exists follows what Python's os.path.exists sees; reading happens once, in read().
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
      }

      @Override
      public TerraformState read(StateReader reader, StateSelection selection) throws StateFormatException {
        return reader.read(path, selection);
      }
    };
  }

  static StateSource of(byte[] bytes) {
    return new StateSource() {
      @Override
      public InputStream open() {
        return new java.io.ByteArrayInputStream(bytes);
      }

      @Override
      public TerraformState read(StateReader reader, StateSelection selection) throws StateFormatException {
        return reader.read(bytes, selection);
      }
    };
  }
}
