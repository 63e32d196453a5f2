package ai.alphacore.neurons.validator;

import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.wire.Dendrite;
import ai.alphacore.neurons.validator.evaluation.Evaluator;
import ai.alphacore.neurons.validator.round.RoundListener;
import ai.alphacore.neurons.validator.round.RoundResult;
import ai.alphacore.neurons.validator.round.RoundRunner;
import ai.alphacore.neurons.validator.round.TaskSource;
import ai.alphacore.neurons.validator.scoring.Scoreboard;
import ai.alphacore.neurons.validator.state.Ledger;
import ai.alphacore.neurons.validator.state.ValidatorState;
import ai.alphacore.neurons.validator.weights.WeightEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A validator: rounds (epoch-gated or timed), the weights emitter, and the state that survives
 * a restart. Unlike the reference, the loop settings exist whatever the Validation API's health
 * (its quirk A4.1), and the scores are reloaded after a restart.
 */
public final class ValidatorNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ValidatorNode.class.getName());

  private final Subtensor chain;
  private final Sr25519Keypair hotkey;
  private final ValidatorConfig config;
  private final Scoreboard board;
  private final RoundRunner runner;
  private final WeightEmitter emitter;
  private final Dendrite dendrite;
  private final Path stateFile;
  private final RoundListener listener;
  private ValidatorState state;
  private long lastRoundEpoch = -1;

  public ValidatorNode(Sr25519Keypair hotkey, Subtensor chain, Evaluator evaluator, TaskSource tasks, ValidatorConfig config,
      RoundListener extra) {
    this(hotkey, chain, evaluator, tasks, config, extra, h -> Optional.empty());
  }

  /** @param projects the cloud project registered for a miner hotkey (see {@link RoundRunner}) */
  public ValidatorNode(Sr25519Keypair hotkey, Subtensor chain, Evaluator evaluator, TaskSource tasks, ValidatorConfig config,
      RoundListener extra, java.util.function.Function<String, Optional<String>> projects) {
    this.chain = chain;
    this.hotkey = hotkey;
    this.config = config;
    this.stateFile = config.stateDir().resolve("state.json");
    try {
      this.state = ValidatorState.load(stateFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> hotkeys = chain.metagraph(config.netuid()).neurons().stream().map(n -> n.hotkey()).toList();
    this.board = Scoreboard.restore(state.hotkeys(), state.scores(), hotkeys, config.scoring());
    Ledger ledger = new Ledger(config.stateDir());
    this.listener = extra == null ? ledger : new Both(ledger, extra);
    this.dendrite = new Dendrite(hotkey);
    this.runner = new RoundRunner(chain, dendrite, tasks, evaluator, board, config, listener, projects);
    this.emitter = new WeightEmitter(chain, hotkey, config.netuid(), config.weightsMinTasksBeforeEmit(), config.weightsVersionKey());
  }

  private record Both(RoundListener a, RoundListener b) implements RoundListener {
    @Override
    public void event(String name, Map<String, Object> payload) {
      a.event(name, payload);
      b.event(name, payload);
    }

    @Override
    public void roundComplete(RoundResult result) {
      a.roundComplete(result);
      b.roundComplete(result);
    }
  }

  public Scoreboard scoreboard() {
    return board;
  }

  /** Runs one round now, counts its tasks and saves the state. */
  public synchronized RoundResult runRound() {
    RoundResult r = runner.run(UUID.randomUUID().toString());
    long tasks = r.baseTaskIds().size();
    state = new ValidatorState(state.step() + 1, board.hotkeys(), board.scores(), state.tasksCompleted() + tasks,
        state.lastEmitEpoch(), state.pendingCommit());
    save();
    return r;
  }

  /** One poll of the weights emitter; saves the state when something was emitted. */
  public synchronized Optional<WeightEmitter.Emission> emitWeights() {
    WeightEmitter.Result res = emitter.poll(board, state);
    state = res.state();
    res.emission().ifPresent(e -> {
      listener.event("weights_" + e.action(), Map.of("epoch", e.epoch(), "uids", e.uids(), "weights", e.weights(),
          "success", e.tx().success(), "error", String.valueOf(e.tx().error())));
      save();
    });
    return res.emission();
  }

  private void save() {
    try {
      new ValidatorState(state.step(), board.hotkeys(), board.scores(), state.tasksCompleted(), state.lastEmitEpoch(),
          state.pendingCommit()).save(stateFile);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot save validator state to " + stateFile + ": " + e.getMessage());
    }
  }

  /**
   * Epoch gating (protocol.md A4.2): at most one round per epoch, in this validator's slot of the
   * epoch when slots are configured, else not too late in the epoch.
   */
  public boolean shouldStartRound(long block) {
    int tempo = Math.max(1, chain.tempo(config.netuid()));
    long epoch = block / tempo;
    double progress = (double) (block - epoch * tempo) / tempo;
    if (config.oneRoundPerEpoch() && lastRoundEpoch == epoch) return false;
    int slots = config.epochSlots();
    if (slots > 1) {
      int slot = Math.floorMod(config.epochSlotIndex() != null ? config.epochSlotIndex() : slotOf(hotkeySs58()), slots);
      return (double) slot / slots <= progress && progress < (double) (slot + 1) / slots;
    }
    return progress <= config.skipRoundAfterFraction();
  }

  private String hotkeySs58() {
    return dendrite.hotkeySs58();
  }

  private static int slotOf(String hotkey) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(hotkey.getBytes(StandardCharsets.UTF_8));
      return ((h[0] & 0xFF) << 24 | (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF)) & 0x7FFFFFFF;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The main loop, until interrupted: rounds by mode, weights polled in between. */
  public void runForever() throws InterruptedException {
    long lastPoll = 0;
    while (!Thread.currentThread().isInterrupted()) {
      long block = chain.blockNumber();
      boolean timed = "timed".equals(config.loopMode());
      if (timed || shouldStartRound(block)) {
        try {
          runRound();
          lastRoundEpoch = block / Math.max(1, chain.tempo(config.netuid()));
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "round failed: " + e);
        }
      }
      long waitMs = (long) ((timed ? config.tickSeconds() : Math.min(30, config.weightsEmitPollSeconds())) * 1000);
      long end = System.currentTimeMillis() + waitMs;
      while (System.currentTimeMillis() < end) {
        if (System.currentTimeMillis() - lastPoll >= config.weightsEmitPollSeconds() * 1000) {
          emitWeights();
          lastPoll = System.currentTimeMillis();
        }
        Thread.sleep(Math.max(1, Math.min(end - System.currentTimeMillis(), (long) (config.weightsEmitPollSeconds() * 1000))));
      }
    }
  }

  @Override
  public void close() {
    dendrite.close();
  }
}
