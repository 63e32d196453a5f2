package ai.alphacore.bittensor.wire;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The axon (server side of a synapse): {@code POST /<SynapseName>}, verification as the Python
 * axon does it (but a signature is required), blacklist and priority hooks, SDK status codes.
 * Malformed input always gets a 4xx JSON {@code {"message": …}}, never a crash.
 */
public final class Axon implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Axon.class.getName());

  /** Immutable configuration; build with {@link #builder}. */
  public record Config(
      String bindHost, int port, String externalIp, Integer externalPort, long versionAsInt,
      long maxBodyBytes, int maxConcurrent, double maxTimeoutSeconds, LongSupplier clockNanos) {}

  private record Route(SynapseSpec spec, AxonHooks.Forward forward, AxonHooks.Blacklist blacklist, AxonHooks.Priority priority) {}

  private final Sr25519 sr;
  private final Sr25519Keypair hotkey;
  private final String hotkeySs58;
  private final Config cfg;
  private final String uuid = UUID.randomUUID().toString();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final NonceGuard nonces;
  private final PriorityGate gate;
  private HttpServer server;
  private ExecutorService executor;

  private Axon(Sr25519 sr, Sr25519Keypair hotkey, Config cfg) {
    this.sr = sr;
    this.hotkey = hotkey;
    this.hotkeySs58 = Ss58.encode(hotkey.publicKey());
    this.cfg = cfg;
    this.nonces = new NonceGuard(cfg.maxTimeoutSeconds());
    this.gate = new PriorityGate(cfg.maxConcurrent());
    routes.put(SynapseSpec.BASE.name(), new Route(SynapseSpec.BASE, s -> s, AxonHooks.Blacklist.ALLOW_ALL, AxonHooks.Priority.NONE));
  }

  public static Builder builder(Sr25519Keypair hotkey) {
    return new Builder(hotkey);
  }

  /** Builder with the defaults a miner wants; tests bind 127.0.0.1 port 0. */
  public static final class Builder {
    private final Sr25519Keypair hotkey;
    private Sr25519 sr = Sr25519.standard();
    private String host = "0.0.0.0";
    private int port = 8091;
    private String externalIp;
    private Integer externalPort;
    private long version = Dendrite.VERSION_AS_INT;
    private long maxBody = 64L << 20;
    private int maxConcurrent = 64;
    private double maxTimeout = 3600;
    private LongSupplier clock = Dendrite::nowNanos;

    private Builder(Sr25519Keypair hotkey) {
      this.hotkey = hotkey;
    }

    public Builder bind(String host, int port) { this.host = host; this.port = port; return this; }
    public Builder external(String ip, Integer port) { this.externalIp = ip; this.externalPort = port; return this; }
    public Builder version(long v) { this.version = v; return this; }
    public Builder maxBodyBytes(long n) { this.maxBody = n; return this; }
    public Builder maxConcurrent(int n) { this.maxConcurrent = n; return this; }
    /** Cap on the (unsigned) client timeout used in the nonce freshness window. */
    public Builder maxTimeoutSeconds(double s) { this.maxTimeout = s; return this; }
    public Builder clock(LongSupplier nowNanos) { this.clock = nowNanos; return this; }
    public Builder sr25519(Sr25519 s) { this.sr = s; return this; }

    public Axon build() {
      return new Axon(sr, hotkey, new Config(host, port, externalIp, externalPort, version, maxBody, maxConcurrent, maxTimeout, clock));
    }
  }

  /** Registers a synapse route (before or after start). */
  public Axon attach(SynapseSpec spec, AxonHooks.Forward forward, AxonHooks.Blacklist blacklist, AxonHooks.Priority priority) {
    routes.put(spec.name(), new Route(spec, forward,
        blacklist == null ? AxonHooks.Blacklist.ALLOW_ALL : blacklist, priority == null ? AxonHooks.Priority.NONE : priority));
    return this;
  }

  public Axon attach(SynapseSpec spec, AxonHooks.Forward forward) {
    return attach(spec, forward, null, null);
  }

  public synchronized Axon start() {
    if (server != null) return this;
    try {
      server = HttpServer.create(new InetSocketAddress(cfg.bindHost(), cfg.port()), 256);
    } catch (IOException e) {
      throw new BittensorException(BittensorException.Code.AXON, "cannot bind " + cfg.bindHost() + ":" + cfg.port() + ": " + e.getMessage(), e);
    }
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  public int port() {
    if (server == null) throw new IllegalStateException("axon not started");
    return server.getAddress().getPort();
  }

  public String hotkeySs58() {
    return hotkeySs58;
  }

  /** Number of nonce entries kept (pruned past the freshness horizon). */
  int nonceEntries() {
    return nonces.size();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  /** An error with the HTTP status the SDK uses for it. */
  private static final class Reject extends Exception {
    final int status;
    final Synapse header;

    Reject(int status, String message) {
      this(null, status, message);
    }

    Reject(Synapse header, int status, String message) {
      super(message, null, false, false);
      this.status = status;
      this.header = header;
    }
  }

  private void handle(HttpExchange ex) {
    long start = System.nanoTime();
    try {
      try {
        process(ex, start);
      } catch (Reject r) {
        error(ex, r.header != null ? r.header : fallbackHeaderSynapse(), r.status, r.getMessage(), start);
      } catch (WireFormatException w) {
        error(ex, fallbackHeaderSynapse(), 400, w.getMessage(), start);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "axon: unexpected error", e);
        error(ex, fallbackHeaderSynapse(), 500, "Internal Server Error", start);
      }
    } catch (IOException io) {
      // Client went away; nothing to answer.
    } finally {
      ex.close();
    }
  }

  private void process(HttpExchange ex, long start) throws Reject, IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("POST") && !method.equals("GET")) throw new Reject(405, "Method Not Allowed");
    String path = ex.getRequestURI().getRawPath();
    String[] segs = path.split("/");
    String routeName = segs.length > 1 ? segs[1] : "";
    Route route = routes.get(routeName);
    if (route == null) throw new Reject(404, "Synapse name '" + truncate(routeName, 64) + "' not found. Available synapses " + routes.keySet());
    Headers h = ex.getRequestHeaders();
    String cl = h.getFirst("Content-Length");
    if (cl != null) {
      long n;
      try {
        n = Long.parseLong(cl.trim());
      } catch (NumberFormatException e) {
        throw new Reject(400, "Content-Length is not a number");
      }
      if (n > cfg.maxBodyBytes()) throw new Reject(413, "Request body of " + n + " bytes exceeds the limit of " + cfg.maxBodyBytes());
    }

    Synapse hs = headerSynapse(route.spec(), h, ex.getRemoteAddress());
    long now = cfg.clockNanos().getAsLong();
    TerminalInfo ax = hs.axon().withIdentity(
        hs.axon().ip(), hs.axon().port(), cfg.versionAsInt(), now, uuid, hs.axon().hotkey())
        .withStatus(100, null);
    String axonMsg = now + "." + hs.dendrite().hotkey() + "." + hs.axon().hotkey() + "." + uuid;
    hs.axon(ax.withSignature(Hex.encode0x(sr.sign(hotkey, axonMsg.getBytes(StandardCharsets.UTF_8)))));

    AxonHooks.Decision d = route.blacklist().check(hs);
    if (d != null && d.blocked()) throw new Reject(hs, 403, "Forbidden. Key is blacklisted: " + d.reason() + ".");
    String why = verify(hs, now);
    if (why != null) throw new Reject(hs, 401, "Not Verified with error: " + why);

    double prio = route.priority().priority(hs);
    boolean admitted;
    try {
      admitted = gate.acquire(prio, (long) (Math.max(hs.timeoutSeconds(), 0.001) * 1e9));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Reject(hs, 503, "Axon shutting down");
    }
    if (!admitted) throw new Reject(hs, 408, "Request timeout: not scheduled within " + hs.timeoutSeconds() + " seconds");
    try {
      byte[] body = readBody(ex.getRequestBody(), cfg.maxBodyBytes(), hs);
      Synapse req;
      try {
        req = Synapse.fromJson(route.spec(), body.length == 0 ? JsonNodeFactory.instance.objectNode() : PyJson.parse(body), true);
      } catch (BittensorException | WireFormatException e) {
        throw new Reject(hs, 400, e.getMessage());
      }
      String headerHash = h.getFirst("computed_body_hash");
      if (headerHash == null || !headerHash.equals(req.bodyHash()))
        throw new Reject(hs, 400, "Body hash mismatch: computed_body_hash header does not match the body");
      Synapse resp;
      try {
        resp = route.forward().forward(req);
        if (resp == null) resp = req;
      } catch (Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.WARNING, "axon: forward of " + route.spec().name() + " failed (#" + id + ")", e);
        throw new Reject(hs, 500, "Internal Server Error #" + id);
      }
      success(ex, resp, hs, start);
    } finally {
      gate.release();
    }
  }

  private static Synapse fallbackHeaderSynapse() {
    return new Synapse(SynapseSpec.BASE).timeout(12.0);
  }

  private String verify(Synapse hs, long now) {
    TerminalInfo d = hs.dendrite();
    if (d.hotkey() == null) return "Missing dendrite hotkey";
    byte[] pk;
    try {
      pk = Ss58.decode(d.hotkey());
    } catch (BittensorException e) {
      return "Invalid dendrite hotkey: " + e.getMessage();
    }
    String sigHex = d.signature();
    if (sigHex == null || sigHex.isBlank()) return "Request is not signed (bt_header_dendrite_signature missing)";
    if (d.nonce() == null) return "Missing Nonce";
    if (d.uuid() == null) return "Missing dendrite uuid";
    String endpointKey = d.hotkey() + ":" + d.uuid();
    String nonceErr = nonces.check(endpointKey, d.nonce(), hs.timeoutSeconds(), now);
    if (nonceErr != null) return nonceErr;
    String bodyHash = hs.computedBodyHashField();
    String message = Synapse.signedMessage(d.nonce(), d.hotkey(), hotkeySs58, d.uuid(), bodyHash);
    byte[] sig;
    try {
      sig = Hex.decode(sigHex);
    } catch (BittensorException e) {
      return "Signature is not hex";
    }
    if (sig.length != 64 || !sr.verifyAcceptingWrapped(pk, message.getBytes(StandardCharsets.UTF_8), sig))
      return "Signature mismatch with " + message + " and " + sigHex;
    if (!nonces.record(endpointKey, d.nonce(), now)) return "Nonce is too old, a newer one was last processed";
    return null;
  }

  /** Builds the SDK's "header synapse" from request headers. */
  private Synapse headerSynapse(SynapseSpec spec, Headers h, InetSocketAddress peer) {
    Synapse s = new Synapse(spec);
    String t = h.getFirst("timeout");
    if (t != null) {
      Double d = TerminalInfo.parseDouble(t, "timeout");
      if (d.isNaN() || d.isInfinite()) throw new WireFormatException("header timeout must be finite");
      s.timeoutNode(DoubleNode.valueOf(d)); // pydantic casts to float: "90" -> 90.0
    }
    TerminalInfo axon = TerminalInfo.fromHeaders(f -> h.getFirst("bt_header_axon_" + f));
    TerminalInfo dendrite = TerminalInfo.fromHeaders(f -> h.getFirst("bt_header_dendrite_" + f));
    dendrite = dendrite.withIdentity(peer.getAddress().getHostAddress(), peer.getPort(),
        dendrite.version(), dendrite.nonce(), dendrite.uuid(), dendrite.hotkey());
    s.axon(axon).dendrite(dendrite);
    Long hsz = TerminalInfo.parseLong(h.getFirst("header_size"), "header_size");
    Long tsz = TerminalInfo.parseLong(h.getFirst("total_size"), "total_size");
    s.headerSize(hsz == null ? 0 : hsz).totalSize(tsz == null ? 0 : tsz);
    String cbh = h.getFirst("computed_body_hash");
    s.computedBodyHashField(cbh == null ? "" : cbh);
    for (SynapseSpec.Field f : spec.requiredFields()) {
      String v = h.getFirst("bt_header_input_obj_" + f.name());
      if (v == null) throw new WireFormatException("missing header bt_header_input_obj_" + f.name());
      try {
        JsonNode n = PyJson.parse(Base64.getDecoder().decode(v.trim()));
        s.set(f.name(), n);
      } catch (IllegalArgumentException | BittensorException e) {
        throw new WireFormatException("header bt_header_input_obj_" + f.name() + " is not base64 JSON");
      }
    }
    return s;
  }

  private static byte[] readBody(InputStream in, long max, Synapse hs) throws IOException, Reject {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (b.length > max) throw new Reject(hs, 413, "Request body exceeds the limit of " + max + " bytes");
    return b;
  }

  private void success(HttpExchange ex, Synapse resp, Synapse hs, long start) throws IOException {
    double elapsed = (System.nanoTime() - start) / 1e9;
    TerminalInfo a = resp.axon();
    Integer code = a.statusCode() == null || a.statusCode() == 100 ? Integer.valueOf(200) : a.statusCode();
    // Also sign the response ("both ways"): the header synapse's axon nonce/uuid/signature.
    TerminalInfo signed = a.withIdentity(a.ip(), a.port(), hs.axon().version(), hs.axon().nonce(), hs.axon().uuid(), a.hotkey() != null ? a.hotkey() : hotkeySs58)
        .withSignature(hs.axon().signature())
        .withStatus(code, code == 200 ? "Success" : a.statusMessage())
        .withProcessTime(elapsed);
    resp.axon(signed);
    resp.timeout(resp.timeoutSeconds());
    byte[] body = PyJson.compact(resp.toJson()).getBytes(StandardCharsets.UTF_8);
    send(ex, code, resp.toHeaders(), body);
  }

  private void error(HttpExchange ex, Synapse hs, int status, String message, long start) throws IOException {
    double elapsed = (System.nanoTime() - start) / 1e9;
    hs.axon(hs.axon().withStatus(status, message).withProcessTime(elapsed));
    hs.dendrite(hs.dendrite().withStatus(status, message));
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("message", message);
    byte[] body = PyJson.compact(o).getBytes(StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> headers;
    try {
      headers = hs.toHeaders();
    } catch (RuntimeException e) {
      headers = List.of();
    }
    send(ex, status, headers, body);
  }

  private static void send(HttpExchange ex, int status, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
    Headers rh = ex.getResponseHeaders();
    for (Map.Entry<String, String> e : headers) {
      String v = e.getValue();
      if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) continue; // never let a value split headers
      rh.add(e.getKey(), v);
    }
    rh.set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }
}
