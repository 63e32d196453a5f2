package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.CloudError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * cloudsim: a local HTTP server speaking the subset of Google Cloud's REST APIs the AlphaCore
 * tasks use, on the real APIs' paths, with its state in SQLite ({@code <dataDir>/cloudsim.db}).
 * docs/cloudsim.md lists every method and field.
 */
public final class CloudSim implements AutoCloseable {
  /** Server settings. {@code host} defaults to loopback; {@code port} 0 picks a free port. */
  public record Config(String host, int port, Path dataDir, boolean iam) {
    public Config {
      if (host == null || host.isBlank()) host = "127.0.0.1";
      if (port < 0 || port > 65535) throw new CloudError(CloudError.Code.BAD_REQUEST, "port must be 0-65535, got " + port);
      if (dataDir == null) throw new CloudError(CloudError.Code.BAD_REQUEST, "a data directory is required");
    }
  }

  static final int MAX_BODY = 16 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool;
  private final Store store;
  private final Sim sim;
  private final Router router = new Router();
  private final String adminToken;
  private final AtomicLong requests = new AtomicLong();

  private CloudSim(Config cfg, Clock clock) throws IOException {
    Files.createDirectories(cfg.dataDir());
    this.adminToken = adminToken(cfg.dataDir());
    this.store = new Store(cfg.dataDir().resolve("cloudsim.db"));
    this.sim = new Sim(store, cfg.iam(), adminToken, clock);
    new ResourceManagerApi(sim).register(router);
    new ComputeApi(sim).register(router);
    new StorageApi(sim).register(router);
    new PubSubApi(sim).register(router);
    new ArtifactRegistryApi(sim).register(router);
    new DnsApi(sim).register(router);
    new IamApi(sim).register(router);
    new SecretManagerApi(sim).register(router);
    new SchedulerApi(sim).register(router);
    new LoggingApi(sim).register(router);
    router.add("POST", "/cloudsim/v1/principals", this::addPrincipal);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(cfg.host()), cfg.port()), 64);
    this.pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "cloudsim-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server; close it to stop. */
  public static CloudSim start(Config cfg) {
    return start(cfg, Clock.systemUTC());
  }

  public static CloudSim start(Config cfg, Clock clock) {
    try {
      return new CloudSim(cfg, clock);
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.SERVER_START, "cannot start cloudsim on " + cfg.host() + ":" + cfg.port() + ": " + e.getMessage(), e);
    }
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8089}: use it as every service's endpoint. */
  public URI baseUri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + a.getPort());
  }

  /** All-access token for administration, also in {@code <dataDir>/admin-token} (mode 0600). */
  public String adminToken() {
    return adminToken;
  }

  public long requestCount() {
    return requests.get();
  }

  /** Registers a bearer token for a member such as {@code user:miner@example.com}. */
  public void addPrincipal(String token, String member) {
    try {
      checkPrincipal(token, member);
    } catch (ApiException e) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, e.getMessage());
    }
    synchronized (store.lock()) {
      store.putPrincipal(Access.sha256(token), member);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    synchronized (store.lock()) {
      store.close();
    }
  }

  private Object addPrincipal(Req r) {
    if (!r.caller().admin() && !(r.caller().allAccess() && !sim.iam)) {
      throw ApiException.forbidden("Only the admin token (or dev without --iam) may register principals.");
    }
    JsonNode b = r.json();
    String token = Sim.text(b, "token");
    String member = Sim.text(b, "member");
    checkPrincipal(token, member);
    store.putPrincipal(Access.sha256(token), member);
    var out = Sim.obj();
    out.put("member", member);
    return out;
  }

  private static void checkPrincipal(String token, String member) {
    if (token == null || token.length() < 3 || token.length() > 4096 || !token.matches("[\\x21-\\x7e]+")) {
      throw ApiException.invalid("token must be 3-4096 printable ASCII characters without spaces");
    }
    if (member == null || !member.matches("^(user|serviceAccount|group):[^\\s]{3,320}$")) {
      throw ApiException.invalid("member must look like user:NAME@DOMAIN or serviceAccount:EMAIL");
    }
  }

  private void handle(HttpExchange ex) {
    requests.incrementAndGet();
    try (ex) {
      Object result;
      int status = 200;
      try {
        result = dispatch(ex);
      } catch (ApiException e) {
        status = e.status;
        result = e.toJson();
      } catch (CloudError e) {
        status = 500;
        result = new ApiException(500, "backendError", "INTERNAL", "Internal error: " + e.getMessage()).toJson();
      } catch (RuntimeException e) {
        status = 500;
        System.err.println("cloudsim: internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + ": " + e);
        result = new ApiException(500, "backendError", "INTERNAL", "Internal error encountered.").toJson();
      }
      respond(ex, status, result);
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private Object dispatch(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = ex.getRequestURI().getRawPath();
    if (method.equals("GET") && rawPath.equals("/cloudsim/v1/health")) {
      var o = Sim.obj();
      o.put("status", "ok");
      return o;
    }
    byte[] body = readBody(ex);
    Router.Match m = router.match(method, rawPath);
    Access.Caller caller;
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
    synchronized (store.lock()) {
      caller = sim.access.authenticate(headers.get("authorization"));
      Req req = new Req(method, rawPath, m.params(), query(ex.getRequestURI().getRawQuery()), headers, body, caller);
      return m.handler().handle(req);
    }
  }

  private static byte[] readBody(HttpExchange ex) throws IOException {
    String len = ex.getRequestHeaders().getFirst("Content-Length");
    if (len != null) {
      try {
        if (Long.parseLong(len.trim()) > MAX_BODY) throw ApiException.tooLarge("Request body exceeds " + MAX_BODY + " bytes.");
      } catch (NumberFormatException e) {
        throw ApiException.invalid("Bad Content-Length");
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BODY) throw ApiException.tooLarge("Request body exceeds " + MAX_BODY + " bytes.");
      }
      return out.toByteArray();
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return q;
    for (String part : raw.split("&")) {
      if (part.isEmpty()) continue;
      int i = part.indexOf('=');
      try {
        String k = URLDecoder.decode(i < 0 ? part : part.substring(0, i), StandardCharsets.UTF_8);
        String v = i < 0 ? "" : URLDecoder.decode(part.substring(i + 1), StandardCharsets.UTF_8);
        q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("Malformed query string.");
      }
    }
    return q;
  }

  private static void respond(HttpExchange ex, int status, Object result) throws IOException {
    if (result == Sim.NO_CONTENT) {
      ex.sendResponseHeaders(204, -1);
      return;
    }
    byte[] bytes;
    String type;
    if (result instanceof Sim.Media media) {
      bytes = media.data();
      type = media.contentType();
    } else {
      bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(result);
      type = "application/json; charset=UTF-8";
    }
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
  }

  /** Reads or creates the admin token file, readable by its owner only. */
  private static String adminToken(Path dir) throws IOException {
    Path f = dir.resolve("admin-token");
    if (Files.isRegularFile(f)) {
      String t = Files.readString(f, StandardCharsets.UTF_8).trim();
      if (t.length() >= 32) return t;
    }
    byte[] b = new byte[24];
    new java.security.SecureRandom().nextBytes(b);
    String t = "cloudsim-admin-" + java.util.HexFormat.of().formatHex(b);
    Files.deleteIfExists(f);
    try {
      Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(f); // not a POSIX file system: default permissions
    }
    Files.writeString(f, t + "\n", StandardCharsets.UTF_8);
    return t;
  }
}
