package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.scale.ScaleWriter;
import java.util.List;

/** Hash commit-reveal: {@code BLAKE2b-256(pubkey ‖ netuid_index u16 ‖ uids ‖ values ‖ salt ‖ version_key u64)}. */
public final class WeightCommit {
  private WeightCommit() {}

  public static byte[] hash(byte[] pubkey, int netuidIndex, List<Integer> uids, List<Integer> values, List<Integer> salt, long versionKey) {
    byte[] data = new ScaleWriter().raw(pubkey).u16(netuidIndex).vecU16(uids).vecU16(values).vecU16(salt).u64(versionKey).toByteArray();
    return Hashes.blake2b256(data);
  }
}
