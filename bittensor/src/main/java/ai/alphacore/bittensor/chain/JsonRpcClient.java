package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * JSON-RPC 2.0 over WebSocket with the JDK client: request ids matched to futures, per-request
 * timeouts, subscriptions, and a reconnect on the next call after the socket drops.
 */
public final class JsonRpcClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger(JsonRpcClient.class.getName());

  private final URI uri;
  private final Duration requestTimeout;
  private final int maxReconnects;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonNode>> subscriptions = new ConcurrentHashMap<>();
  private volatile WebSocket ws;
  private volatile boolean closed;

  public JsonRpcClient(URI uri, Duration requestTimeout, int maxReconnects) {
    if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()))
      throw new BittensorException(Code.RPC, "chain endpoint must be ws:// or wss://, got " + uri);
    this.uri = uri;
    this.requestTimeout = requestTimeout;
    this.maxReconnects = maxReconnects;
  }

  /** Calls {@code method} and returns {@code result} (JSON null allowed). */
  public JsonNode call(String method, Object... params) {
    return callWithTimeout(requestTimeout, method, params);
  }

  public JsonNode callWithTimeout(Duration timeout, String method, Object... params) {
    try {
      return callOnce(timeout, method, params);
    } catch (BittensorException e) {
      // A dropped socket surfaces on the first call after it; reads are safe to repeat once.
      boolean transport = e.code() == Code.RPC_TIMEOUT || (e.code() == Code.RPC && !e.getMessage().startsWith("RPC error"));
      if (!transport || method.startsWith("author_") || closed) throw e;
      return callOnce(timeout, method, params);
    }
  }

  private JsonNode callOnce(Duration timeout, String method, Object... params) {
    long id = ids.incrementAndGet();
    ObjectNode req = JSON.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", id);
    req.put("method", method);
    ArrayNode ps = req.putArray("params");
    for (Object p : params) ps.add(JSON.valueToTree(p));
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    try {
      WebSocket s = socket();
      synchronized (this) {
        s.sendText(req.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      drop(); // a silent socket is as good as dead: the next call reconnects
      throw new BittensorException(Code.RPC_TIMEOUT, method + " timed out after " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof BittensorException be) throw be;
      drop();
      throw new BittensorException(Code.RPC, method + " failed: " + c.getMessage(), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BittensorException(Code.RPC, method + " interrupted");
    } finally {
      pending.remove(id);
    }
  }

  /** Subscribes; {@code onEvent} gets each notification's {@code params.result}. Returns the id. */
  public String subscribe(String method, Consumer<JsonNode> onEvent, Object... params) {
    JsonNode sub = call(method, params);
    String id = sub.asText();
    subscriptions.put(id, onEvent);
    return id;
  }

  public void unsubscribe(String unsubscribeMethod, String id) {
    subscriptions.remove(id);
    try {
      call(unsubscribeMethod, id);
    } catch (BittensorException e) {
      // Best effort: the node forgets subscriptions with the connection anyway.
    }
  }

  private WebSocket socket() {
    WebSocket s = ws;
    if (s != null && !s.isOutputClosed() && !s.isInputClosed()) return s;
    synchronized (this) {
      if (closed) throw new BittensorException(Code.RPC, "client closed");
      s = ws;
      if (s != null && !s.isOutputClosed() && !s.isInputClosed()) return s;
      BittensorException last = null;
      for (int attempt = 0; attempt <= maxReconnects; attempt++) {
        try {
          if (attempt > 0) Thread.sleep(Math.min(2000L, 100L << attempt));
          ws = http.newWebSocketBuilder().connectTimeout(requestTimeout).buildAsync(uri, new Listener())
              .get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
          return ws;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BittensorException(Code.RPC, "interrupted while connecting to " + uri);
        } catch (ExecutionException | TimeoutException e) {
          last = new BittensorException(Code.RPC, "cannot connect to " + uri + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
      }
      throw last;
    }
  }

  private void drop() {
    WebSocket s = ws;
    ws = null;
    if (s != null) s.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buf = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buf.append(data);
      if (last) {
        String msg = buf.toString();
        buf.setLength(0);
        dispatch(msg);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failAll("connection closed by the node (" + statusCode + " " + reason + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failAll("connection error: " + error.getMessage());
    }
  }

  private void failAll(String why) {
    ws = null;
    for (CompletableFuture<JsonNode> f : pending.values()) f.completeExceptionally(new BittensorException(Code.RPC, why));
  }

  private void dispatch(String msg) {
    JsonNode n;
    try {
      n = JSON.readTree(msg);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "rpc: ignoring a frame that is not JSON");
      return;
    }
    if (n.has("id") && !n.get("id").isNull()) {
      CompletableFuture<JsonNode> f = pending.get(n.get("id").asLong());
      if (f == null) return;
      JsonNode err = n.get("error");
      if (err != null && !err.isNull()) {
        String data = err.has("data") ? " (" + err.get("data").asText() + ")" : "";
        f.completeExceptionally(new BittensorException(Code.RPC, "RPC error " + err.path("code").asInt() + ": " + err.path("message").asText() + data));
      } else {
        f.complete(n.has("result") ? n.get("result") : JSON.nullNode());
      }
    } else if (n.has("params")) {
      Consumer<JsonNode> c = subscriptions.get(n.at("/params/subscription").asText());
      if (c != null) c.accept(n.at("/params/result"));
    }
  }

  @Override
  public void close() {
    closed = true;
    WebSocket s = ws;
    ws = null;
    if (s != null) {
      try {
        s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        s.abort();
      }
    }
    failAll("client closed");
  }
}
