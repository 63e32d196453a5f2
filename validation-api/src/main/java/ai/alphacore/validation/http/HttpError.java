package ai.alphacore.validation.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * An HTTP error answered as FastAPI would: {@code {"detail": ...}} where detail is a string, or
 * the list of validation problems for 422.
 */
public final class HttpError extends RuntimeException {
  private final int status;
  private final JsonNode detail;
  private final Map<String, String> headers;

  public HttpError(int status, String detail) {
    this(status, JsonNodeFactory.instance.textNode(detail), Map.of());
  }

  public HttpError(int status, String detail, Map<String, String> headers) {
    this(status, JsonNodeFactory.instance.textNode(detail), headers);
  }

  public HttpError(int status, JsonNode detail, Map<String, String> headers) {
    super(detail.isTextual() ? detail.asText() : detail.toString(), null, false, false);
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }

  public int status() {
    return status;
  }

  public JsonNode detail() {
    return detail;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
