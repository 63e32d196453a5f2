package ai.alphacore.neurons.validator.state;

import ai.alphacore.neurons.validator.round.RoundListener;
import ai.alphacore.neurons.validator.round.RoundResult;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The task ledger (append-only JSONL, {@code {"ts", "event", ...}}, ASCII-escaped as the
 * reference writes it) and the round summaries ({@code rounds/<round_id>.json}, {@code latest.json}).
 */
public final class Ledger implements RoundListener {
  private static final System.Logger LOG = System.getLogger(Ledger.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path ledger;
  private final Path rounds;

  public Ledger(Path dir) {
    this.ledger = dir.resolve("ledger.jsonl");
    this.rounds = dir.resolve("rounds");
  }

  @Override
  public synchronized void event(String name, Map<String, Object> payload) {
    ObjectNode o = JSON.createObjectNode();
    o.put("ts", System.currentTimeMillis() / 1000.0);
    o.put("event", name);
    payload.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
    try {
      Files.createDirectories(ledger.getParent());
      Files.writeString(ledger, JSON.writeValueAsString(o) + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "ledger write failed: " + e.getMessage());
    }
  }

  @Override
  public void roundComplete(RoundResult result) {
    try {
      Files.createDirectories(rounds);
      String text = PRETTY.writeValueAsString(RoundSummaries.toJson(result));
      Path tmp = rounds.resolve(".latest.tmp");
      Files.writeString(tmp, text);
      Files.copy(tmp, rounds.resolve(safe(result.roundId()) + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, rounds.resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the round summary under " + rounds, e);
    }
    event("round_complete", Map.of("round_id", result.roundId(), "settled", result.settled()));
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
