package ai.alphacore.taskgen.config;

import java.net.URI;

/**
 * The optional LLM rewriter. The API key is read from the environment variable named by
 * {@code apiKeyEnv}; it is never printed ({@link #toString()} masks it).
 */
public record LlmConfig(
    boolean enabled, URI baseUrl, String model, String apiKeyEnv, String apiKey, double temperature, int retries,
    int timeoutSeconds) {

  public static final String DEFAULT_KEY_ENV = "ALPHACORE_LLM_API_KEY";

  public static LlmConfig defaults() {
    return new LlmConfig(false, URI.create("https://api.openai.com/v1"), "gpt-4o-mini", DEFAULT_KEY_ENV, null, 0.6, 3, 60);
  }

  public LlmConfig withEnabled(boolean on) {
    return new LlmConfig(on, baseUrl, model, apiKeyEnv, apiKey, temperature, retries, timeoutSeconds);
  }

  @Override
  public String toString() {
    return "LlmConfig[enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKeyEnv=" + apiKeyEnv
        + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "<none>" : "<set>") + ", temperature=" + temperature
        + ", retries=" + retries + ", timeoutSeconds=" + timeoutSeconds + "]";
  }
}
