package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A tiny test client for cloudsim: JSON in, status and JSON out. */
public final class SimClient {
  public record Res(int status, JsonNode json, byte[] raw) {
    public String reason() {
      return json.path("error").path("errors").path(0).path("reason").asText();
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;
  private final String token;

  public SimClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public SimClient as(String otherToken) {
    return new SimClient(base, otherToken);
  }

  public Res get(String path) {
    return send("GET", path, null, null);
  }

  public Res delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Res post(String path, String json) {
    return send("POST", path, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  public Res put(String path, String json) {
    return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  public Res send(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (contentType != null) b.header("Content-Type", contentType);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode j;
      try {
        j = r.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(r.body());
      } catch (IOException e) {
        j = MAPPER.createObjectNode();
      }
      return new Res(r.statusCode(), j, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
