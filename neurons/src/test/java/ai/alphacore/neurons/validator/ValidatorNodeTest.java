package ai.alphacore.neurons.validator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.localchain.LocalSubtensor;
import ai.alphacore.bittensor.ss58.Ss58;
import ai.alphacore.neurons.miner.MinerConfig;
import ai.alphacore.neurons.miner.MinerNode;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.validator.evaluation.Attempt;
import ai.alphacore.neurons.validator.evaluation.Evaluation;
import ai.alphacore.neurons.validator.round.TaskSource;
import ai.alphacore.neurons.validator.weights.WeightEmitter;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.provider.GcpProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights on the local chain (plain and commit-reveal), and state that survives a restart. */
class ValidatorNodeTest {
  static final Sr25519 SR = Sr25519.standard();
  static final int NET = 3;

  static Sr25519Keypair key(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    s[9] = 99;
    return SR.fromMiniSecret(s);
  }

  static String ss(Sr25519Keypair k) {
    return Ss58.encode(k.publicKey());
  }

  LocalSubtensor chain(Path dir, boolean commitReveal) {
    LocalSubtensor c = LocalSubtensor.open(dir.resolve("chain.json"), 0);
    var p = LocalSubtensor.SubnetParams.defaults().withTempo(10).withWeights(1, 65535, 0, 1000);
    c.createSubnet(NET, ss(key(1)), commitReveal ? p.withCommitReveal(true, 1) : p);
    c.advanceBlocks(1);
    c.register(NET, ss(key(1)), ss(key(1))); // uid 0: the burn uid
    c.register(NET, ss(key(2)), ss(key(1))); // uid 1: the validator
    c.addStake(ss(key(1)), ss(key(2)), NET, 20_000L * 1_000_000_000L);
    c.register(NET, ss(key(3)), ss(key(1))); // uid 2: a miner
    return c;
  }

  ValidatorNode validator(LocalSubtensor c, Path state) {
    TaskGenerator gen = new TaskGenerator(new GcpProvider(), new ConfigLoader(new GcpProvider(), Map.of()).loadDefault());
    ValidatorConfig cfg = ValidatorConfig.fromEnv(Map.of(), NET, state).withTimeouts(5, 10, 5, 5).withWeightsMinTasks(1);
    return new ValidatorNode(key(2), c, r -> new Evaluation(Attempt.VALIDATED, 1.0, null, null),
        new TaskSource(gen, Selection.ANY, 5), cfg, null);
  }

  @Test
  void roundThenWeightsThenRestart(@TempDir Path dir) throws Exception {
    try (LocalSubtensor c = chain(dir, false);
        MinerNode m = new MinerNode(key(3), c, r -> new Submission(new byte[] {'P', 'K', 3, 4}, "x"),
            MinerConfig.defaults(NET).withBind("127.0.0.1", 0, "127.0.0.1")).start()) {
      ValidatorNode v = validator(c, dir.resolve("v"));
      assertThat(v.runRound().miners()).singleElement().satisfies(mr -> assertThat(mr.finalScore()).isGreaterThan(0));
      WeightEmitter.Emission e = v.emitWeights().orElseThrow();
      assertThat(e.tx().success()).as(e.tx().message()).isTrue();
      assertThat(e.uids()).containsExactly(0, 2);
      assertThat(e.weights().get(0)).isEqualTo(65535); // the burn share, max-upscaled
      assertThat(v.emitWeights()).isEmpty(); // once per epoch
      double[] before = v.scoreboard().scores();
      v.close();
      ValidatorNode again = validator(c, dir.resolve("v"));
      assertThat(again.scoreboard().scores()).containsExactly(before);
      assertThat(Files.readString(dir.resolve("v/ledger.jsonl"))).contains("handshake_complete").contains("weights_set_weights");
      assertThat(dir.resolve("v/rounds/latest.json")).exists();
      again.close();
    }
  }

  @Test
  void commitThenRevealWhenTheSubnetRequiresIt(@TempDir Path dir) throws Exception {
    try (LocalSubtensor c = chain(dir, true);
        MinerNode m = new MinerNode(key(3), c, r -> new Submission(new byte[] {'P', 'K'}, "x"),
            MinerConfig.defaults(NET).withBind("127.0.0.1", 0, "127.0.0.1")).start()) {
      ValidatorNode v = validator(c, dir.resolve("v"));
      v.runRound();
      WeightEmitter.Emission commit = v.emitWeights().orElseThrow();
      assertThat(commit.action()).isEqualTo("commit");
      assertThat(commit.tx().success()).as(commit.tx().message()).isTrue();
      WeightEmitter.Emission reveal = null;
      for (int i = 0; i < 40 && (reveal == null || !reveal.action().equals("reveal") || !reveal.tx().success()); i++) {
        c.advanceBlocks(1);
        reveal = v.emitWeights().orElse(reveal);
      }
      assertThat(reveal).isNotNull();
      assertThat(reveal.action()).isEqualTo("reveal");
      assertThat(reveal.tx().success()).as(reveal.tx().message()).isTrue();
      v.close();
    }
  }

  @Test
  void epochGatingWithAndWithoutSlots(@TempDir Path dir) throws Exception {
    try (LocalSubtensor c = chain(dir, false)) {
      TaskGenerator gen = new TaskGenerator(new GcpProvider(), new ConfigLoader(new GcpProvider(), Map.of()).loadDefault());
      ValidatorConfig one = ValidatorConfig.fromEnv(Map.of("ALPHACORE_ENV", "production"), NET, dir.resolve("a"));
      try (ValidatorNode v = new ValidatorNode(key(2), c, r -> null, new TaskSource(gen, Selection.ANY, 1), one, null)) {
        assertThat(v.shouldStartRound(20)).isTrue(); // start of an epoch (tempo 10)
        assertThat(v.shouldStartRound(23)).isTrue(); // progress 0.3: still in time
        assertThat(v.shouldStartRound(24)).isFalse(); // too late in the epoch (production: 0.3)
      }
      ValidatorConfig slots = ValidatorConfig.fromEnv(Map.of("ALPHACORE_EPOCH_SLOTS", "2", "ALPHACORE_EPOCH_SLOT_INDEX", "1"), NET, dir.resolve("b"));
      try (ValidatorNode v = new ValidatorNode(key(2), c, r -> null, new TaskSource(gen, Selection.ANY, 1), slots, null)) {
        assertThat(v.shouldStartRound(32)).isFalse(); // first half of the epoch belongs to slot 0
        assertThat(v.shouldStartRound(35)).isTrue();
        assertThat(v.shouldStartRound(39)).isTrue();
      }
    }
  }
}
