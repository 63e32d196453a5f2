package ai.alphacore.bittensor.localchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.chain.Metagraph;
import ai.alphacore.bittensor.chain.TxResult;
import ai.alphacore.bittensor.chain.WeightCommit;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.ss58.Ss58;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSubtensorTest {
  static final Sr25519 SR = Sr25519.standard();
  static final int NET = 66;

  static Sr25519Keypair key(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    s[31] = 7;
    return SR.fromMiniSecret(s);
  }

  static String ss(Sr25519Keypair k) {
    return Ss58.encode(k.publicKey());
  }

  final Sr25519Keypair owner = key(1), validator = key(2), miner1 = key(3), miner2 = key(4), cold = key(5);

  LocalSubtensor chain(Path f, LocalSubtensor.SubnetParams p) {
    LocalSubtensor c = LocalSubtensor.open(f, 0);
    c.createSubnet(NET, ss(owner), p);
    c.advanceBlocks(1); // block 0 would read as "never set weights"
    c.register(NET, ss(validator), ss(cold));
    c.register(NET, ss(miner1), ss(cold));
    c.register(NET, ss(miner2), ss(cold));
    c.addStake(ss(cold), ss(validator), NET, 1_000_000_000_000L);
    return c;
  }

  @Test
  void setWeightsValidationFollowsSubtensor(@TempDir Path tmp) {
    LocalSubtensor c = chain(tmp.resolve("chain.json"), LocalSubtensor.SubnetParams.defaults().withTempo(10).withWeights(2, 65535, 5, 1000));
    assertThat(c.uid(NET, ss(miner2))).hasValue(2);
    // Just registered: rate limit counts from the registration block.
    assertThat(c.setWeights(validator, NET, List.of(1, 2), List.of(65535, 100), 1000).error()).isEqualTo("SettingWeightsTooFast");
    c.advanceBlocks(5);
    assertThat(c.setWeights(validator, NET, List.of(1, 2), List.of(65535, 100), 999).error()).isEqualTo("IncorrectWeightVersionKey");
    assertThat(c.setWeights(validator, NET, List.of(1), List.of(65535), 1000).error()).isEqualTo("WeightVecLengthIsLow");
    assertThat(c.setWeights(validator, NET, List.of(1, 1), List.of(1, 2), 1000).error()).isEqualTo("DuplicateUids");
    assertThat(c.setWeights(validator, NET, List.of(1, 9), List.of(1, 2), 1000).error()).isEqualTo("UidVecContainInvalidOne");
    assertThat(c.setWeights(validator, NET, List.of(1, 2), List.of(1), 1000).error()).isEqualTo("WeightVecNotEqualSize");
    assertThat(c.setWeights(miner1, NET, List.of(0, 2), List.of(1, 2), 1000).error()).isEqualTo("NeuronNoValidatorPermit");
    assertThat(c.setWeights(key(99), NET, List.of(0, 2), List.of(1, 2), 1000).error()).isEqualTo("HotKeyNotRegisteredInSubNet");
    assertThat(c.setWeights(validator, 3, List.of(0, 2), List.of(1, 2), 1000).error()).isEqualTo("SubNetworkDoesNotExist");
    TxResult ok = c.setWeights(validator, NET, List.of(1, 2), List.of(32768, 16384), 1000);
    assertThat(ok.success()).as(ok.message()).isTrue();
    assertThat(c.metagraph(NET).neurons().get(0).lastUpdate()).isEqualTo(c.blockNumber());
    assertThat(c.setWeights(validator, NET, List.of(1, 2), List.of(1, 1), 1000).error()).isEqualTo("SettingWeightsTooFast");
    // A self-weight needs no permit.
    c.advanceBlocks(5);
    assertThat(c.setWeights(miner1, NET, List.of(1), List.of(65535), 1000).success()).isTrue();
  }

  @Test
  void epochsSplitEmissionFromWeightsAndStatePersists(@TempDir Path tmp) {
    Path f = tmp.resolve("chain.json");
    LocalSubtensor c = chain(f, LocalSubtensor.SubnetParams.defaults().withTempo(10).withWeights(1, 65535, 1, 0));
    c.advanceBlocks(2);
    assertThat(c.setWeights(validator, NET, new int[] {1, 2}, new float[] {3f, 1f}, 0).success()).isTrue();
    long before = c.blockNumber();
    c.advanceBlocks(c.blocksUntilNextEpoch(NET) + 1);
    Metagraph m = c.metagraph(NET);
    assertThat(m.neurons().get(1).incentive()).isGreaterThan(m.neurons().get(2).incentive()).isGreaterThan(0.0);
    assertThat(m.neurons().get(1).incentive() + m.neurons().get(2).incentive()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(m.neurons().get(0).dividends()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(m.neurons().get(0).validatorPermit()).isTrue();
    assertThat(m.neurons().get(1).stakeTao()).isPositive();
    assertThat(c.serveAxon(miner1, NET, "10.1.2.3", 8091, 10002000).success()).isTrue();
    assertThat(c.serveAxon(miner1, NET, "10.1.2.4", 8091, 10002000).error()).isEqualTo("ServingRateLimitExceeded");
    assertThat(c.serveAxon(miner2, NET, "not-an-ip", 8091, 1).error()).isEqualTo("InvalidIpAddress");
    long block = c.blockNumber();
    c.close();
    LocalSubtensor again = LocalSubtensor.open(f, 0);
    assertThat(again.blockNumber()).isEqualTo(block).isGreaterThan(before);
    Metagraph m2 = again.metagraph(NET);
    assertThat(m2).isEqualTo(m2);
    assertThat(m2.neurons().get(1).axon().ip()).isEqualTo("10.1.2.3");
    assertThat(m2.neurons().get(1).axon().port()).isEqualTo(8091);
    assertThat(m2.neurons()).extracting(x -> x.hotkey()).containsExactly(ss(validator), ss(miner1), ss(miner2));
    assertThat(m2.neurons().get(1).incentive()).isEqualTo(m.neurons().get(1).incentive());
  }

  @Test
  void commitRevealWindow(@TempDir Path tmp) {
    LocalSubtensor c = chain(tmp.resolve("c.json"), LocalSubtensor.SubnetParams.defaults().withTempo(10).withWeights(1, 65535, 1, 0).withCommitReveal(true, 1));
    c.advanceBlocks(2);
    assertThat(c.setWeights(validator, NET, List.of(1), List.of(1), 0).error()).isEqualTo("CommitRevealEnabled");
    List<Integer> uids = List.of(1, 2), w = List.of(65535, 100), salt = List.of(7, 8, 9);
    byte[] h = WeightCommit.hash(validator.publicKey(), NET, uids, w, salt, 0);
    assertThat(c.commitWeights(validator, NET, h).success()).isTrue();
    assertThat(c.revealWeights(validator, NET, uids, w, salt, 0).error()).isEqualTo("RevealTooEarly");
    c.advanceBlocks(c.blocksUntilNextEpoch(NET) + 1);
    assertThat(c.revealWeights(validator, NET, uids, List.of(65535, 101), salt, 0).error()).isEqualTo("InvalidRevealCommitHashNotMatch");
    assertThat(c.revealWeights(validator, NET, uids, w, salt, 0).success()).isTrue();
  }

  @Test
  void wallClockAndFullSubnets(@TempDir Path tmp) {
    AtomicLong now = new AtomicLong(1_000_000);
    LocalSubtensor c = LocalSubtensor.open(tmp.resolve("w.json"), 12.0, now::get, LocalSubtensor.DEFAULT_EMISSION_PER_BLOCK_RAO);
    c.createSubnet(1, ss(owner), LocalSubtensor.SubnetParams.defaults().withLimits(2, 1, 0));
    assertThat(c.blockNumber()).isZero();
    now.addAndGet(36_000);
    assertThat(c.blockNumber()).isEqualTo(3);
    c.register(1, ss(miner1), ss(cold));
    c.register(1, ss(miner2), ss(cold));
    now.addAndGet(12_000);
    assertThat(c.register(1, ss(validator), ss(cold))).isIn(0, 1);
    assertThat(c.metagraph(1).n()).isEqualTo(2);
    assertThatThrownBy(() -> c.register(1, ss(validator), ss(key(77))))
        .isInstanceOf(BittensorException.class).hasMessageContaining("NonAssociatedColdKey");
    assertThatThrownBy(() -> c.addStake(ss(cold), ss(key(50)), 1, 5))
        .isInstanceOf(BittensorException.class).hasMessageContaining("HotKeyNotRegisteredInSubNet");
  }
}
