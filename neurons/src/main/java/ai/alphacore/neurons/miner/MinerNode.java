package ai.alphacore.neurons.miner;

import ai.alphacore.bittensor.chain.Metagraph;
import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.chain.TxResult;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.wire.Axon;
import ai.alphacore.bittensor.wire.Synapse;
import ai.alphacore.neurons.protocol.AlphaCoreSynapses;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A miner: an axon serving the four AlphaCore synapses, with the caller policy, capacity
 * reporting and the ZIP transport; the work itself is the {@link TaskSolver}'s.
 */
public final class MinerNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MinerNode.class.getName());

  private final Sr25519Keypair hotkey;
  private final Subtensor chain;
  private final TaskSolver solver;
  private final MinerConfig config;
  private final Axon axon;
  private final Semaphore slots;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicReference<Metagraph> metagraph = new AtomicReference<>();
  private volatile long metagraphAt;

  public MinerNode(Sr25519Keypair hotkey, Subtensor chain, TaskSolver solver, MinerConfig config) {
    this.hotkey = hotkey;
    this.chain = chain;
    this.solver = solver;
    this.config = config;
    this.slots = new Semaphore(Math.max(1, config.capacity()), true);
    CallerPolicy policy = new CallerPolicy(config, this::metagraph);
    this.axon = Axon.builder(hotkey).bind(config.bindHost(), config.port()).build()
        .attach(AlphaCoreSynapses.START_ROUND, this::startRound, policy, policy)
        .attach(AlphaCoreSynapses.TASK, this::task, policy, policy)
        .attach(AlphaCoreSynapses.FEEDBACK, this::feedback, policy, policy)
        .attach(AlphaCoreSynapses.CLEANUP, this::cleanup, policy, policy);
  }

  /** Starts the axon and announces it on chain with {@code serve_axon}. */
  public MinerNode start() {
    axon.start();
    String ip = config.externalIp() != null ? config.externalIp() : config.bindHost();
    TxResult r = chain.serveAxon(hotkey, config.netuid(), ip, axon.port(), 0);
    if (!r.success()) LOG.log(System.Logger.Level.WARNING, "serve_axon refused: " + r.error() + " " + r.message());
    return this;
  }

  public int port() {
    return axon.port();
  }

  public String hotkeySs58() {
    return axon.hotkeySs58();
  }

  private Metagraph metagraph() {
    long now = System.nanoTime();
    Metagraph m = metagraph.get();
    if (m == null || now - metagraphAt > config.metagraphRefresh().toNanos()) {
      m = chain.metagraph(config.netuid());
      metagraph.set(m);
      metagraphAt = now;
    }
    return m;
  }

  private Synapse startRound(Synapse s) {
    s.set("miner_version", config.minerVersion());
    s.set("is_ready", BooleanNode.TRUE);
    s.set("available_capacity", IntNode.valueOf(Math.max(0, config.capacity() - inFlight.get())));
    s.set("error_message", NullNode.getInstance());
    if (config.project() != null) s.set("gcp_project", config.project());
    return s;
  }

  private Synapse task(Synapse s) throws InterruptedException {
    String taskId = s.get("task_id").asText("");
    String prompt = s.get("prompt").isTextual() ? s.get("prompt").textValue() : s.get("task_spec").path("prompt").asText(null);
    Instant deadline = Instant.now().plusMillis((long) (s.timeoutSeconds() * 1000));
    String caller = s.dendrite() == null ? null : s.dendrite().hotkey();
    slots.acquire();
    inFlight.incrementAndGet();
    try {
      Submission sub = prompt == null || prompt.isBlank()
          ? Submission.none("no prompt in the task")
          : solver.solve(new TaskRequest(taskId, prompt.strip(), caller, deadline));
      attach(s, taskId, sub, "completed");
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "task " + taskId + " failed: " + e);
      attach(s, taskId, Submission.none("agent error: " + e.getClass().getSimpleName() + ": " + e.getMessage()), "error");
    } finally {
      inFlight.decrementAndGet();
      slots.release();
    }
    return s;
  }

  private void attach(Synapse s, String taskId, Submission sub, String status) {
    byte[] zip = sub == null ? null : sub.workspaceZip();
    if (zip != null && zip.length > config.maxZipBytes()) {
      sub = Submission.none("workspace ZIP of " + zip.length + " bytes is over the " + config.maxZipBytes() + "-byte limit");
      zip = null;
      status = "error";
    }
    ObjectNode summary = JsonNodeFactory.instance.objectNode();
    summary.put("task_id", taskId);
    summary.put("status", zip == null && "completed".equals(status) ? "no_submission" : status);
    summary.putNull("bundle_dir");
    summary.putArray("resource_identifiers");
    summary.put("notes", sub == null ? null : sub.notes());
    s.set("result_summary", summary);
    ObjectNode evidence = JsonNodeFactory.instance.objectNode();
    evidence.put("task_id", taskId);
    evidence.putNull("bundle_dir");
    evidence.putArray("attachments");
    s.set("evidence_hint", evidence);
    s.set("notes", sub == null || sub.notes() == null ? NullNode.getInstance() : com.fasterxml.jackson.databind.node.TextNode.valueOf(sub.notes()));
    if (zip != null) {
      s.set("workspace_zip_b64", Base64.getEncoder().encodeToString(zip));
      s.set("workspace_zip_filename", taskId + ".zip");
      s.set("workspace_zip_sha256", AlphaCoreSynapses.zipSha256(zip));
      s.set("workspace_zip_size_bytes", LongNode.valueOf(zip.length));
    }
  }


  private Synapse feedback(Synapse s) {
    s.set("acknowledged", BooleanNode.TRUE);
    return s;
  }

  private Synapse cleanup(Synapse s) {
    s.set("acknowledged", BooleanNode.TRUE);
    s.set("cleanup_ok", BooleanNode.TRUE);
    s.set("error_message", NullNode.getInstance());
    return s;
  }

  @Override
  public void close() {
    axon.close();
  }
}
