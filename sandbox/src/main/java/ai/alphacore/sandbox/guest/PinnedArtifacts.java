package ai.alphacore.sandbox.guest;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The releases a production host needs, pinned by version (validation.md 4.8), each verified
 * against the vendor's published SHA256 sums before use, and the verified digest recorded in
 * {@code pins.lock} so a later setup refuses a changed file. Only used with {@code --online};
 * never exercised on the development machine, which has no internet.
 */
public final class PinnedArtifacts {
  public record Artifact(String name, String version, String url, String sumsUrl, String fileName) {}

  public static final List<Artifact> PINS = List.of(
      new Artifact("terraform", "1.14.0", "https://releases.hashicorp.com/terraform/1.14.0/terraform_1.14.0_linux_amd64.zip",
          "https://releases.hashicorp.com/terraform/1.14.0/terraform_1.14.0_SHA256SUMS", "terraform_1.14.0_linux_amd64.zip"),
      new Artifact("firecracker", "v1.13.1",
          "https://github.com/firecracker-microvm/firecracker/releases/download/v1.13.1/firecracker-v1.13.1-x86_64.tgz",
          "https://github.com/firecracker-microvm/firecracker/releases/download/v1.13.1/firecracker-v1.13.1-x86_64.tgz.sha256.txt",
          "firecracker-v1.13.1-x86_64.tgz"));

  private PinnedArtifacts() {}

  public static void fetchAll(Path home, PrintWriter out) throws IsolationException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
    Path dl = home.resolve("downloads");
    try {
      Files.createDirectories(dl);
      Path lock = home.resolve("pins.lock");
      String locked = Files.exists(lock) ? Files.readString(lock) : "";
      StringBuilder newLock = new StringBuilder(locked);
      for (Artifact a : PINS) {
        Path f = dl.resolve(a.fileName());
        get(http, a.url(), f);
        String sums = new String(getBytes(http, a.sumsUrl()), java.nio.charset.StandardCharsets.US_ASCII);
        String digest = sha256(f);
        if (!sums.contains(digest) || !sums.contains(a.fileName())) {
          throw new IsolationException(IsolationError.SETUP_FAILED, a.name() + ": SHA256 " + digest + " not in the vendor's sums " + a.sumsUrl());
        }
        String entry = a.fileName() + " " + digest;
        if (locked.contains(a.fileName() + " ") && !locked.contains(entry)) {
          throw new IsolationException(IsolationError.SETUP_FAILED, a.name() + ": digest differs from pins.lock; refusing a changed release");
        }
        if (!locked.contains(entry)) newLock.append(entry).append('\n');
        out.println("  [OK] " + a.name() + " " + a.version() + " sha256 " + digest);
      }
      Files.writeString(lock, newLock.toString());
      Files.createDirectories(home.resolve("bin"));
      Procs.check(IsolationError.SETUP_FAILED, Duration.ofMinutes(2), "unzip", "-o", dl.resolve(PINS.get(0).fileName()).toString(), "terraform",
          "-d", home.resolve("bin").toString());
      Procs.check(IsolationError.SETUP_FAILED, Duration.ofMinutes(2), "tar", "-xzf", dl.resolve(PINS.get(1).fileName()).toString(), "-C", dl.toString());
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "download failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IsolationException(IsolationError.SETUP_FAILED, "interrupted", e);
    }
  }

  private static void get(HttpClient http, String url, Path to) throws IOException, InterruptedException {
    HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(to));
    if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode());
  }

  private static byte[] getBytes(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode());
    return r.body();
  }

  static String sha256(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
