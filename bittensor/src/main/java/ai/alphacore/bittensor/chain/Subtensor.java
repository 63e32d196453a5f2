package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import java.util.List;
import java.util.Optional;

/**
 * The chain as a neuron sees it. Implemented by {@code RpcSubtensor} (a real node over
 * JSON-RPC) and {@code LocalSubtensor} (the embedded local chain). Weight methods take the
 * SDK-normalised u16 values; use {@link WeightUtils#toU16} for float scores.
 */
public interface Subtensor extends AutoCloseable {

  long blockNumber();

  Hyperparams hyperparams(int netuid);

  default int tempo(int netuid) {
    return hyperparams(netuid).tempo();
  }

  /** The SDK's classic rule: {@code tempo − ((block + netuid + 1) mod (tempo + 1))}. */
  default long blocksUntilNextEpoch(int netuid) {
    int tempo = tempo(netuid);
    return tempo - ((blockNumber() + netuid + 1) % (tempo + 1));
  }

  boolean subnetExists(int netuid);

  Metagraph metagraph(int netuid);

  Optional<Integer> uid(int netuid, String hotkeySs58);

  /** set_weights with u16 weights (uids and weights of equal length) and a version key. */
  TxResult setWeights(Sr25519Keypair hotkey, int netuid, List<Integer> uids, List<Integer> weights, long versionKey);

  /** Float scores → SDK normalisation → set_weights. */
  default TxResult setWeights(Sr25519Keypair hotkey, int netuid, int[] uids, float[] scores, long versionKey) {
    WeightUtils.U16Weights w = WeightUtils.toU16(uids, scores);
    return setWeights(hotkey, netuid, w.uids(), w.weights(), versionKey);
  }

  /** Hash commit ({@code commit_weights}): BLAKE2b-256 of the reveal data, see {@link WeightCommit}. */
  TxResult commitWeights(Sr25519Keypair hotkey, int netuid, byte[] commitHash);

  TxResult revealWeights(Sr25519Keypair hotkey, int netuid, List<Integer> uids, List<Integer> weights, List<Integer> salt, long versionKey);

  TxResult serveAxon(Sr25519Keypair hotkey, int netuid, String ip, int port, long version);

  /** Registers a hotkey under a coldkey; returns its uid. Local chain only on this client. */
  int register(int netuid, String hotkeySs58, String coldkeySs58);

  /** Adds stake (rao) to a hotkey. Local chain only on this client. */
  void addStake(String coldkeySs58, String hotkeySs58, int netuid, long rao);

  @Override
  void close();
}
