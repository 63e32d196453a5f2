package ai.alphacore.cloud.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The judge corpus in ../shared/vectors/judge (path from the alphacore.vectors property). */
final class Vectors {
  static final ObjectMapper MAPPER = new ObjectMapper();

  record Vector(String name, JsonNode task, byte[] state, JsonNode expected) {
    JsonNode stateJson() {
      try {
        return MAPPER.readTree(state);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The project most of the state's resources name. */
    String project() {
      Map<String, Integer> n = new HashMap<>();
      for (JsonNode r : stateJson().path("resources")) {
        for (JsonNode i : r.path("instances")) {
          String p = i.path("attributes").path("project").asText("");
          if (!p.isEmpty()) n.merge(p, 1, Integer::sum);
        }
      }
      return n.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Path dir() {
    String p = System.getProperty("alphacore.vectors");
    if (p == null) throw new IllegalStateException("system property alphacore.vectors is not set (see the root pom)");
    Path d = Path.of(p, "judge");
    if (!Files.isDirectory(d)) throw new IllegalStateException("judge vectors not found at " + d);
    return d;
  }

  static List<Vector> ideal() {
    try (Stream<Path> s = Files.list(dir())) {
      List<Vector> out = s.filter(p -> p.getFileName().toString().contains("-ideal-")).sorted().map(Vectors::load).toList();
      if (out.size() < 30) throw new IllegalStateException("expected the 36 ideal vectors, found " + out.size());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Vector load(String name) {
    return load(dir().resolve(name));
  }

  static Vector load(Path d) {
    try {
      return new Vector(d.getFileName().toString(), MAPPER.readTree(d.resolve("task.json").toFile()),
          Files.readAllBytes(d.resolve("terraform.tfstate")), MAPPER.readTree(d.resolve("expected.json").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
