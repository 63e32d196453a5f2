package ai.alphacore.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips, tasks and HTTP helpers shared by the API tests. */
public final class Fixtures {
  public static final String TOKEN = "test-token-0123456789abcdef";
  public static final String MAIN_TF = "resource \"google_storage_bucket\" \"b\" {\n  name = \"x\"\n  location = \"US\"\n}\n";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Fixtures() {}

  public static Path vectors() {
    return Path.of(System.getProperty("alphacore.vectors", "../../shared/vectors")).resolve("judge");
  }

  public static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : files.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A judge vector as a miner would submit it: main.tf, terraform.tfstate (if any). */
  public static byte[] vectorZip(String name) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("main.tf", MAIN_TF.getBytes(StandardCharsets.UTF_8));
    Path state = vectors().resolve(name).resolve("terraform.tfstate");
    try {
      if (Files.exists(state)) files.put("terraform.tfstate", Files.readAllBytes(state));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip(files);
  }

  public static String vectorTask(String name) {
    try {
      return Files.readString(vectors().resolve(name).resolve("task.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ApiConfig.Builder config(Path dir) {
    ApiConfig.Builder b = ApiConfig.builder(dir.resolve("data"));
    b.port = 0;
    b.token = TOKEN;
    b.archiveRoot = dir;
    b.workers = 2;
    b.queueSize = 16;
    return b;
  }

  public record Reply(int status, String body, HttpResponse<String> raw) {
    public String header(String n) {
      return raw.headers().firstValue(n).orElse(null);
    }
  }

  public static Reply get(int port, String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return send(b.GET().build());
  }

  public static Reply post(int port, String path, String token, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(120));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return send(b.header("Content-Type", contentType).POST(body).build());
  }

  public static Reply postJson(int port, String path, String json) {
    return post(port, path, TOKEN, "application/json", HttpRequest.BodyPublishers.ofString(json));
  }

  static Reply send(HttpRequest r) {
    try {
      HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      return new Reply(resp.statusCode(), resp.body(), resp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
