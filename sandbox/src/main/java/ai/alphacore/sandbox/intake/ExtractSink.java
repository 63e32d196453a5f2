package ai.alphacore.sandbox.intake;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where extracted entries go. Paths are already validated, normalised and relative ("a/b.tf");
 * parents are always announced with {@link #directory} before anything inside them.
 */
public interface ExtractSink {
  void directory(String path) throws IOException;

  OutputStream file(String path) throws IOException;
}
