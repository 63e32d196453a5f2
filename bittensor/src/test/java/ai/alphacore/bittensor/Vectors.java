package ai.alphacore.bittensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the shared conformance vectors; fails loudly when they are not where the build says. */
public final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  public static Path dir() {
    String p = System.getProperty("alphacore.vectors");
    if (p == null || p.isBlank())
      throw new IllegalStateException("system property alphacore.vectors is not set (run through Maven)");
    Path d = Path.of(p, "bittensor");
    if (!Files.isDirectory(d))
      throw new IllegalStateException("vectors directory missing: " + d.toAbsolutePath());
    return d;
  }

  public static JsonNode json(String name) {
    try {
      return JSON.readTree(dir().resolve(name).toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read vector file " + name, e);
    }
  }

  public static byte[] hex(JsonNode n) {
    return ai.alphacore.bittensor.crypto.Hex.decode(n.asText());
  }
}
