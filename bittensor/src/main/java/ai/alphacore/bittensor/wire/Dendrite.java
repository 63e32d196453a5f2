package ai.alphacore.bittensor.wire;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The dendrite (client side): signs synapses with the hotkey, calls axons concurrently on
 * virtual threads with a total per-call timeout, and maps transport failures to the SDK's
 * status codes. A call always returns the synapse, never throws for network trouble.
 */
public final class Dendrite implements AutoCloseable {
  /** bittensor 10.2.0 → 10·10^6 + 2·10^3 + 0 (the SDK's {@code version_as_int}). */
  public static final long VERSION_AS_INT = 10_002_000L;
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");
  private static final AtomicLong LAST_NANOS = new AtomicLong();

  /** Options; {@link #defaults()} matches the Python dendrite. */
  public record Options(
      String externalIp, long versionAsInt, long maxResponseBytes, boolean freshUuidPerRequest, boolean verifyAxonSignature) {
    public static Options defaults() {
      return new Options("127.0.0.1", VERSION_AS_INT, 512L << 20, false, false);
    }

    public Options withExternalIp(String ip) {
      return new Options(ip, versionAsInt, maxResponseBytes, freshUuidPerRequest, verifyAxonSignature);
    }

    public Options withVerifyAxonSignature(boolean v) {
      return new Options(externalIp, versionAsInt, maxResponseBytes, freshUuidPerRequest, v);
    }

    public Options withFreshUuidPerRequest(boolean v) {
      return new Options(externalIp, versionAsInt, maxResponseBytes, v, verifyAxonSignature);
    }
  }

  /** A prepared, signed request (exposed so tests can compare it with the wire vectors). */
  public record Prepared(Synapse synapse, URI uri, List<Map.Entry<String, String>> headers, byte[] body, String signedMessage) {}

  private final Sr25519 sr;
  private final Sr25519Keypair hotkey;
  private final String hotkeySs58;
  private final Options opts;
  private final String uuid = UUID.randomUUID().toString();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;

  public Dendrite(Sr25519Keypair hotkey) {
    this(hotkey, Options.defaults(), Sr25519.standard());
  }

  public Dendrite(Sr25519Keypair hotkey, Options opts, Sr25519 sr) {
    this.sr = sr;
    this.hotkey = hotkey;
    this.hotkeySs58 = Ss58.encode(hotkey.publicKey());
    this.opts = opts;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .executor(executor)
        .build();
  }

  public String hotkeySs58() {
    return hotkeySs58;
  }

  /** Unix time in nanoseconds, strictly increasing within this JVM (nonces must grow). */
  public static long nowNanos() {
    Instant i = Instant.now();
    long n = i.getEpochSecond() * 1_000_000_000L + i.getNano();
    return LAST_NANOS.accumulateAndGet(n, (prev, cur) -> Math.max(prev + 1, cur));
  }

  /** Builds and signs the request exactly as the Python dendrite would (randomized signature). */
  public Prepared prepare(AxonTarget target, Synapse s, double timeoutSeconds) {
    return prepare(target, s, timeoutSeconds, nowNanos(), opts.freshUuidPerRequest() ? UUID.randomUUID().toString() : uuid, null);
  }

  /** As {@link #prepare(AxonTarget, Synapse, double)} with nonce, uuid and signing RNG fixed. */
  public Prepared prepare(AxonTarget target, Synapse s, double timeoutSeconds, long nonce, String requestUuid, byte[] rng32) {
    if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds))
      throw new BittensorException(BittensorException.Code.SYNAPSE, "timeout must be positive and finite");
    // Keep an equal timeout as given (int 90 stays "90", as the Python dendrite sends it).
    if (s.timeoutNode() == null || s.timeoutNode().asDouble() != timeoutSeconds) s.timeout(timeoutSeconds);
    s.dendrite(new TerminalInfo(null, null, null, opts.externalIp(), null, opts.versionAsInt(), nonce, requestUuid, hotkeySs58, null));
    s.axon(new TerminalInfo(null, null, null, target.ip(), target.port(), null, null, null, target.hotkeySs58(), null));
    String bodyHash = s.bodyHash();
    String message = Synapse.signedMessage(nonce, hotkeySs58, target.hotkeySs58(), requestUuid, bodyHash);
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] sig = rng32 == null ? sr.sign(hotkey, msg) : sr.sign(hotkey, msg, rng32);
    s.dendrite(s.dendrite().withSignature(Hex.encode0x(sig)));
    if (s.totalSize() == 0) s.totalSize(PyJson.dumps(s.toJson()).length());
    List<Map.Entry<String, String>> headers = new ArrayList<>(s.toHeaders(headerCount(s)));
    headers.add(Map.entry("Content-Type", "application/json"));
    byte[] body = PyJson.dumps(s.toJson()).getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create("http://" + target.hostForUrl() + ":" + target.port() + "/" + s.name());
    return new Prepared(s, uri, headers, body, message);
  }

  private static long headerCount(Synapse s) {
    return 64L * s.toHeaders().size(); // any integer is fine; the SDK sends a dict's memory size
  }

  /** One call; the synapse is updated in place and returned. */
  public Synapse call(AxonTarget target, Synapse s, double timeoutSeconds) {
    long start = System.nanoTime();
    Prepared p;
    try {
      p = prepare(target, s, timeoutSeconds);
    } catch (BittensorException e) {
      return fail(s, 400, e.getMessage(), start);
    }
    HttpRequest.Builder rb = HttpRequest.newBuilder(p.uri())
        .timeout(Duration.ofNanos((long) (timeoutSeconds * 1e9)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()));
    for (Map.Entry<String, String> h : p.headers())
      if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) rb.header(h.getKey(), h.getValue());
    String where = target.ip() + ":" + target.port() + "/" + s.name();
    Future<HttpResponse<InputStream>> f = http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      long left = (long) (timeoutSeconds * 1e9) - (System.nanoTime() - start);
      HttpResponse<InputStream> r = f.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
      byte[] body;
      try (InputStream in = r.body()) {
        body = readLimited(in, opts.maxResponseBytes(), start, timeoutSeconds);
      }
      return process(s, target, r.statusCode(), r.headers(), body, start);
    } catch (TimeoutException e) {
      f.cancel(true);
      return fail(s, 408, "Request timeout after " + PyJson.floatRepr(timeoutSeconds) + " seconds", start);
    } catch (ExecutionException e) {
      return transportFailure(s, e.getCause(), where, timeoutSeconds, start);
    } catch (IOException e) {
      return transportFailure(s, e, where, timeoutSeconds, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return fail(s, 408, "Request interrupted", start);
    } catch (RuntimeException e) {
      return fail(s, 422, "Failed to parse response: " + e.getMessage(), start);
    }
  }

  /** Fan-out to many axons at once; one fresh synapse per target from {@code factory}. */
  public List<Synapse> forward(List<AxonTarget> targets, Supplier<Synapse> factory, double timeoutSeconds) {
    List<Future<Synapse>> fs = new ArrayList<>(targets.size());
    List<Synapse> local = new ArrayList<>(targets.size());
    for (AxonTarget t : targets) {
      Synapse s = factory.get();
      local.add(s);
      fs.add(executor.submit(() -> call(t, s, timeoutSeconds)));
    }
    List<Synapse> out = new ArrayList<>(targets.size());
    for (int i = 0; i < fs.size(); i++) {
      try {
        out.add(fs.get(i).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(fail(local.get(i), 408, "Request interrupted", System.nanoTime()));
      } catch (ExecutionException e) {
        out.add(fail(local.get(i), 422, "Failed to parse response", System.nanoTime()));
      }
    }
    return out;
  }

  private Synapse transportFailure(Synapse s, Throwable c, String where, double timeout, long start) {
    while (c instanceof ExecutionException && c.getCause() != null) c = c.getCause();
    if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException || c instanceof TimeoutException)
      return fail(s, 408, "Request timeout after " + PyJson.floatRepr(timeout) + " seconds", start);
    for (Throwable t = c; t != null; t = t.getCause())
      if (t instanceof ConnectException) return fail(s, 503, "Service unavailable at " + where, start);
    if (c instanceof ResponseTooLarge) return fail(s, 400, c.getMessage(), start);
    if (c instanceof IOException) return fail(s, 503, "Server disconnected at " + where + ": " + c.getMessage(), start);
    return fail(s, 422, "Failed to parse response", start);
  }

  private static final class ResponseTooLarge extends IOException {
    ResponseTooLarge(long max) {
      super("Response payload exceeds " + max + " bytes");
    }
  }

  private static byte[] readLimited(InputStream in, long max, long start, double timeout) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (b.length > max) throw new ResponseTooLarge(max);
    return b;
  }

  /** {@code process_server_response}: JSON body → fields; headers overlay axon/dendrite info. */
  Synapse process(Synapse local, AxonTarget target, int status, HttpHeaders headers, byte[] body, long start) {
    String ct = headers.firstValue("content-type").orElse("");
    if (!ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
      return fail(local, 422, "Failed to parse response: content type " + ct, start);
    JsonNode json;
    try {
      json = PyJson.parse(body);
    } catch (BittensorException e) {
      return fail(local, 422, "Failed to parse response", start);
    }
    TerminalInfo sentDendrite = local.dendrite();
    try {
      if (status == 200) {
        Synapse server = Synapse.fromJson(local.spec(), json, true);
        local.timeoutNode(server.timeoutNode()).totalSize(server.totalSize()).headerSize(server.headerSize())
            .dendrite(server.dendrite()).axon(server.axon()).computedBodyHashField(server.computedBodyHashField());
        for (Iterator<String> it = local.fields().fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (server.fields().has(k)) local.fields().set(k, server.get(k));
        }
      } else {
        JsonNode m = json.get("message");
        local.axon(local.axon().withStatus(status, m != null && m.isTextual() ? m.asText() : null));
      }
      TerminalInfo ha = TerminalInfo.fromHeaders(f -> headers.firstValue("bt_header_axon_" + f).orElse(null));
      TerminalInfo hd = TerminalInfo.fromHeaders(f -> headers.firstValue("bt_header_dendrite_" + f).orElse(null));
      local.axon(local.axon().overlay(ha));
      local.dendrite(local.dendrite().overlay(hd));
    } catch (WireFormatException e) {
      return fail(local, 422, "Failed to parse response: " + e.getMessage(), start);
    }
    Integer code = local.axon().statusCode() == null ? Integer.valueOf(status) : local.axon().statusCode();
    if (code == 200 && opts.verifyAxonSignature() && !axonSignatureValid(local.axon(), sentDendrite, target))
      return fail(local, 401, "Axon response signature missing or invalid", start);
    local.dendrite(local.dendrite().withStatus(code, local.axon().statusMessage()).withProcessTime((System.nanoTime() - start) / 1e9));
    return local;
  }

  private boolean axonSignatureValid(TerminalInfo axon, TerminalInfo sentDendrite, AxonTarget target) {
    if (axon.signature() == null || axon.nonce() == null || axon.uuid() == null) return false;
    try {
      String m = axon.nonce() + "." + sentDendrite.hotkey() + "." + target.hotkeySs58() + "." + axon.uuid();
      return sr.verify(Ss58.decode(target.hotkeySs58()), m.getBytes(StandardCharsets.UTF_8), Hex.decode(axon.signature()));
    } catch (BittensorException e) {
      return false;
    }
  }

  private static Synapse fail(Synapse s, int code, String message, long start) {
    s.axon(s.axon().withStatus(code, message));
    s.dendrite(s.dendrite().withStatus(code, message).withProcessTime((System.nanoTime() - start) / 1e9));
    return s;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.shutdownNow();
  }
}
