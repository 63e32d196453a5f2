package ai.alphacore.taskgen.prompt;

import ai.alphacore.taskgen.config.LlmConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal OpenAI-compatible chat client: POST {@code <base>/chat/completions} with a bearer
 * key. Error messages never contain the key (they are scrubbed even if a server echoes it).
 */
public final class LlmClient {
  private static final ObjectMapper M = new ObjectMapper();

  private final LlmConfig config;
  private final HttpClient http;

  public LlmClient(LlmConfig config) {
    this(config, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(10, config.timeoutSeconds()))).build());
  }

  public LlmClient(LlmConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  /** Thrown for transport or protocol failures; the message is safe to log. */
  public static final class LlmException extends Exception {
    LlmException(String message) {
      super(message);
    }
  }

  public String chat(String system, String user) throws LlmException {
    ObjectNode body = M.createObjectNode();
    body.put("model", config.model());
    body.put("temperature", config.temperature());
    body.put("n", 1);
    var msgs = body.putArray("messages");
    msgs.addObject().put("role", "system").put("content", system);
    msgs.addObject().put("role", "user").put("content", user);
    String base = config.baseUrl().toString();
    URI uri = URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(config.timeoutSeconds()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (config.apiKey() != null && !config.apiKey().isEmpty()) req.header("Authorization", "Bearer " + config.apiKey());
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LlmException(scrub("LLM request to " + uri + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("LLM request interrupted");
    }
    if (resp.statusCode() / 100 != 2) {
      String excerpt = resp.body() == null ? "" : resp.body().substring(0, Math.min(200, resp.body().length()));
      throw new LlmException(scrub("LLM endpoint " + uri + " answered HTTP " + resp.statusCode() + ": " + excerpt));
    }
    try {
      JsonNode j = M.readTree(resp.body());
      JsonNode content = j.path("choices").path(0).path("message").path("content");
      if (!content.isTextual() || content.textValue().isBlank()) throw new LlmException("LLM answer has no choices[0].message.content");
      return content.textValue();
    } catch (IOException e) {
      throw new LlmException("LLM answer is not JSON: " + e.getMessage());
    }
  }

  private String scrub(String s) {
    String k = config.apiKey();
    return k == null || k.isEmpty() ? s : s.replace(k, "<redacted>");
  }
}
