package ai.alphacore.taskgen.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.taskgen.Fixtures;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.config.LlmConfig;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rewriter against a loopback OpenAI-compatible server started by the test. */
class LlmRewriterTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String KEY = "sk-test-0123456789";

  private HttpServer server;
  private final Deque<Object> script = new ArrayDeque<>(); // UnaryOperator<String> (prompt -> answer) or Integer (HTTP status)
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> auth = new ArrayList<>();
  private GeneratedTask task;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      JsonNode req = M.readTree(ex.getRequestBody().readAllBytes());
      requests.add(req);
      auth.add(ex.getRequestHeaders().getFirst("Authorization"));
      Object step = script.isEmpty() ? 500 : script.poll();
      byte[] out;
      int status = 200;
      if (step instanceof Integer code) {
        status = code;
        out = ("{\"error\":\"boom, your key " + KEY + " is bad\"}").getBytes(StandardCharsets.UTF_8);
      } else {
        @SuppressWarnings("unchecked")
        String answer = ((UnaryOperator<String>) step).apply(task.prompt());
        var body = M.createObjectNode();
        body.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", answer);
        out = body.toString().getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(status, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    // A network stack with at least one affixed name, so qualifiers and a script are both at stake.
    var gen = Fixtures.generator();
    for (int i = 0; task == null || !task.prompt().contains("that starts with \""); i++) {
      task = gen.generate(TaskSeed.ofRun(3, i), Selection.family("network_stack"));
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private LlmRewriter rewriter(boolean enabled) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    LlmConfig c = new LlmConfig(enabled, base, "test-model", "X", KEY, 0.4, 3, 5);
    return new LlmRewriter(c, new LlmClient(c), new PromptChecker(Fixtures.GCP.providerTerms()));
  }

  @Test
  void acceptedRewriteReplacesThePrompt() {
    script.add((UnaryOperator<String>) p -> "**Heads up:** " + p.replace("Terraform.", "Terraform, please."));
    LlmRewriter.Outcome o = rewriter(true).rewrite(task);
    assertThat(o.source()).isEqualTo("llm");
    assertThat(o.attempts()).isEqualTo(1);
    assertThat(o.task().prompt()).startsWith("Heads up:").doesNotContain("**");
    assertThat(o.task().task().extra().get("prompt").asText()).isEqualTo(o.task().prompt());
    assertThat(o.task().task().invariants()).isEqualTo(task.task().invariants());
    assertThat(auth).containsExactly("Bearer " + KEY);
    JsonNode req = requests.get(0);
    assertThat(req.get("model").asText()).isEqualTo("test-model");
    assertThat(req.get("temperature").asDouble()).isEqualTo(0.4);
    assertThat(req.get("messages").get(1).get("content").asText()).contains(task.prompt());
  }

  @Test
  void lostTermIsRemindedAndTheRetryAccepted() {
    String firstName = task.task().invariants().get(0).match().get("values.name").asText();
    script.add((UnaryOperator<String>) p -> p.replace(firstName, "somename"));
    script.add((UnaryOperator<String>) p -> p);
    LlmRewriter.Outcome o = rewriter(true).rewrite(task);
    assertThat(o.source()).isEqualTo("llm");
    assertThat(o.attempts()).isEqualTo(2);
    assertThat(requests.get(1).get("messages").get(1).get("content").asText()).contains("rejected").contains(firstName);
  }

  @Test
  void droppedQualifierOrScriptFallsBackToTheDeterministicPrompt() {
    script.add((UnaryOperator<String>) p -> p.replace("starts with", "begins with").replace("ends with", "finishes with"));
    script.add((UnaryOperator<String>) p -> p.replace("\n#!/bin/bash", " #!/bin/bash"));
    script.add((UnaryOperator<String>) p -> p.replace(task.validatorSa(), "the reviewer"));
    LlmRewriter.Outcome o = rewriter(true).rewrite(task);
    assertThat(o.source()).isEqualTo("deterministic");
    assertThat(o.task().prompt()).isEqualTo(task.prompt());
    assertThat(o.notes()).hasSize(3);
  }

  @Test
  void httpErrorsFallBackAndNeverLeakTheKey() {
    script.add(500);
    script.add(429);
    script.add(401);
    LlmRewriter.Outcome o = rewriter(true).rewrite(task);
    assertThat(o.source()).isEqualTo("deterministic");
    assertThat(String.join("\n", o.notes())).contains("HTTP 500").doesNotContain(KEY).contains("<redacted>");
  }

  @Test
  void disabledMeansNoCall() {
    LlmRewriter.Outcome o = rewriter(false).rewrite(task);
    assertThat(o.source()).isEqualTo("deterministic");
    assertThat(requests).isEmpty();
  }

  @Test
  void unreachableEndpointFallsBack() {
    LlmConfig c = new LlmConfig(true, URI.create("http://127.0.0.1:1/v1"), "m", "X", KEY, 0.5, 2, 2);
    LlmRewriter.Outcome o = new LlmRewriter(c, new LlmClient(c), new PromptChecker(Fixtures.GCP.providerTerms())).rewrite(task);
    assertThat(o.source()).isEqualTo("deterministic");
    assertThat(o.notes()).hasSize(2).allMatch(n -> !n.contains(KEY));
  }
}
