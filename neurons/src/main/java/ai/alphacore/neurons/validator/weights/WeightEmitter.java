package ai.alphacore.neurons.validator.weights;

import ai.alphacore.bittensor.chain.Hyperparams;
import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.chain.TxResult;
import ai.alphacore.bittensor.chain.WeightCommit;
import ai.alphacore.bittensor.chain.WeightUtils;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.neurons.validator.scoring.Scoreboard;
import ai.alphacore.neurons.validator.state.ValidatorState;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sets weights on the chain at most once per epoch (protocol.md A4.9): winner-take-all plus the
 * burn share, processed like {@code process_weights_for_netuid}, honouring the weights rate
 * limit, and as a hash commit then reveal when the subnet requires commit-reveal.
 */
public final class WeightEmitter {
  private static final System.Logger LOG = System.getLogger(WeightEmitter.class.getName());

  /** What happened on one poll. */
  public record Emission(long epoch, String action, List<Integer> uids, List<Integer> weights, TxResult tx) {}

  private final Subtensor chain;
  private final Sr25519Keypair hotkey;
  private final int netuid;
  private final int minTasks;
  private final long versionKey;
  private final SecureRandom random = new SecureRandom();

  public WeightEmitter(Subtensor chain, Sr25519Keypair hotkey, int netuid, int minTasks, long versionKey) {
    this.chain = chain;
    this.hotkey = hotkey;
    this.netuid = netuid;
    this.minTasks = minTasks;
    this.versionKey = versionKey;
  }

  /**
   * One poll: reveal a due commit, or set (or commit) this epoch's weights when enough tasks
   * have been scored. Returns the new state and what was done.
   */
  public synchronized Result poll(Scoreboard board, ValidatorState state) {
    long block = chain.blockNumber();
    Hyperparams hp = chain.hyperparams(netuid);
    int tempo = Math.max(1, hp.tempo());
    long epoch = block / tempo;
    long key = hp.weightsVersionKey() > 0 ? Math.max(versionKey, hp.weightsVersionKey()) : versionKey;
    ValidatorState.PendingCommit pending = state.pendingCommit();
    if (pending != null && epoch >= pending.epoch() + Math.max(1, hp.revealPeriodEpochs())) {
      TxResult tx = chain.revealWeights(hotkey, netuid, pending.uids(), pending.weights(), pending.salt(), key);
      // Too early: try on the next poll. Revealed, expired or unknown to the chain: the commit is done with.
      boolean keep = !tx.success() && "RevealTooEarly".equals(tx.error());
      ValidatorState next = keep ? state : with(state, state.lastEmitEpoch(), null);
      return new Result(next, Optional.of(new Emission(epoch, "reveal", pending.uids(), pending.weights(), tx)));
    }
    if (state.lastEmitEpoch() == epoch || state.tasksCompleted() < minTasks) return new Result(state, Optional.empty());
    long blocksSince = chain.metagraph(netuid).byHotkey(ss58()).map(n -> block - n.lastUpdate()).orElse(Long.MAX_VALUE);
    if (blocksSince < hp.weightsRateLimit()) return new Result(state, Optional.empty());

    float[] raw = board.weights();
    double[] processed = WeightProcessing.process(raw, hp.minAllowedWeights(), hp.maxWeightsLimit() / 65535.0);
    int[] uids = new int[processed.length];
    float[] w = new float[processed.length];
    for (int i = 0; i < uids.length; i++) {
      uids[i] = i;
      w[i] = (float) processed[i];
    }
    WeightUtils.U16Weights u16 = WeightUtils.toU16(uids, w);
    if (hp.commitRevealEnabled()) {
      List<Integer> salt = new ArrayList<>();
      for (int i = 0; i < 8; i++) salt.add(random.nextInt(65536));
      byte[] hash = WeightCommit.hash(hotkey.publicKey(), netuid, u16.uids(), u16.weights(), salt, key);
      TxResult tx = chain.commitWeights(hotkey, netuid, hash);
      ValidatorState next = tx.success() ? with(state, epoch, new ValidatorState.PendingCommit(epoch, u16.uids(), u16.weights(), salt)) : state;
      return new Result(next, Optional.of(new Emission(epoch, "commit", u16.uids(), u16.weights(), tx)));
    }
    TxResult tx = chain.setWeights(hotkey, netuid, u16.uids(), u16.weights(), key);
    if (!tx.success()) LOG.log(System.Logger.Level.WARNING, "set_weights refused: " + tx.error() + " " + tx.message());
    ValidatorState next = tx.success() ? with(state, epoch, state.pendingCommit()) : state;
    return new Result(next, Optional.of(new Emission(epoch, "set_weights", u16.uids(), u16.weights(), tx)));
  }

  /** The state after a poll, and the emission if one was attempted. */
  public record Result(ValidatorState state, Optional<Emission> emission) {}

  private String ss58() {
    return ai.alphacore.bittensor.ss58.Ss58.encode(hotkey.publicKey());
  }

  private static ValidatorState with(ValidatorState s, long epoch, ValidatorState.PendingCommit pending) {
    return new ValidatorState(s.step(), s.hotkeys(), s.scores(), s.tasksCompleted(), epoch, pending);
  }
}
