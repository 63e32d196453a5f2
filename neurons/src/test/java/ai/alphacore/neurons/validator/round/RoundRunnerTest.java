package ai.alphacore.neurons.validator.round;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.localchain.LocalSubtensor;
import ai.alphacore.bittensor.ss58.Ss58;
import ai.alphacore.bittensor.wire.Axon;
import ai.alphacore.bittensor.wire.Dendrite;
import ai.alphacore.neurons.miner.MinerConfig;
import ai.alphacore.neurons.miner.MinerNode;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.protocol.AlphaCoreSynapses;
import ai.alphacore.neurons.validator.ValidatorConfig;
import ai.alphacore.neurons.validator.evaluation.Attempt;
import ai.alphacore.neurons.validator.evaluation.Evaluation;
import ai.alphacore.neurons.validator.evaluation.Evaluator;
import ai.alphacore.neurons.validator.scoring.Scoreboard;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.provider.GcpProvider;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real round on loopback: local chain, signed synapses, miners that behave well and badly. */
class RoundRunnerTest {
  static final Sr25519 SR = Sr25519.standard();
  static final int NET = 7;
  final List<AutoCloseable> open = new ArrayList<>();

  static Sr25519Keypair key(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    s[5] = 42;
    return SR.fromMiniSecret(s);
  }

  static String ss(Sr25519Keypair k) {
    return Ss58.encode(k.publicKey());
  }

  static byte[] zip(String text) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry("terraform.tfstate"));
      z.write(text.getBytes());
      z.closeEntry();
    }
    return b.toByteArray();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) c.close();
  }

  record Net(LocalSubtensor chain, Sr25519Keypair validator, List<Sr25519Keypair> miners) {}

  Net net(Path dir, int miners) {
    LocalSubtensor chain = LocalSubtensor.open(dir.resolve("chain.json"), 0);
    chain.createSubnet(NET, ss(key(1)), LocalSubtensor.SubnetParams.defaults().withTempo(20).withWeights(1, 65535, 0, 1000));
    chain.advanceBlocks(1);
    Sr25519Keypair v = key(2);
    chain.register(NET, ss(v), ss(key(1)));
    chain.addStake(ss(key(1)), ss(v), NET, 20_000L * 1_000_000_000L);
    List<Sr25519Keypair> ms = new ArrayList<>();
    for (int i = 0; i < miners; i++) {
      Sr25519Keypair m = key(10 + i);
      chain.register(NET, ss(m), ss(key(1)));
      ms.add(m);
    }
    open.add(chain);
    return new Net(chain, v, ms);
  }

  MinerNode miner(Net n, int i, ai.alphacore.neurons.miner.TaskSolver solver) {
    MinerNode m = new MinerNode(n.miners().get(i), n.chain(), solver, MinerConfig.defaults(NET).withBind("127.0.0.1", 0, "127.0.0.1"));
    open.add(m);
    return m.start();
  }

  RoundRunner runner(Net n, Evaluator ev, Scoreboard board, double taskTimeout) {
    TaskGenerator gen = new TaskGenerator(new GcpProvider(), new ConfigLoader(new GcpProvider(), Map.of()).loadDefault());
    Dendrite d = new Dendrite(n.validator());
    open.add(d);
    ValidatorConfig cfg = ValidatorConfig.fromEnv(Map.of(), NET, null).withTimeouts(5, taskTimeout, 5, 5);
    return new RoundRunner(n.chain(), d, new TaskSource(gen, Selection.ANY, 1), ev, board, cfg, null);
  }

  static final Evaluator ZIP_IS_WORK = r -> new Evaluation(Attempt.VALIDATED,
      r.workspaceZip().length > 20 && r.taskJson().get("miner_uid").asInt() >= 0 ? 1.0 : 0.0, null, null);

  @Test
  void goodSlowGarbageAndOfflineMinersAreEachScoredAndTheRoundGoesOn(@TempDir Path dir) throws Exception {
    Net n = net(dir, 4);
    miner(n, 0, req -> new Submission(zip("{\"task\":\"" + req.taskId() + "\"}"), "ok"));
    miner(n, 1, req -> {
      Thread.sleep(4000);
      return new Submission(zip("late"), "late");
    });
    Axon garbage = Axon.builder(n.miners().get(2)).bind("127.0.0.1", 0).build()
        .attach(AlphaCoreSynapses.START_ROUND, s -> s.set("is_ready", BooleanNode.TRUE))
        .attach(AlphaCoreSynapses.TASK, s -> s.set("workspace_zip_b64", "!!! not base64 !!!")).start();
    open.add(garbage);
    n.chain().serveAxon(n.miners().get(2), NET, "127.0.0.1", garbage.port(), 0);
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    n.chain().serveAxon(n.miners().get(3), NET, "127.0.0.1", closed, 0);

    Scoreboard board = new Scoreboard(List.of(), ai.alphacore.neurons.validator.scoring.ScoringConfig.defaults());
    RoundResult r = runner(n, ZIP_IS_WORK, board, 1.5).run("round-1");

    Map<Integer, MinerRound> byUid = new java.util.HashMap<>();
    r.miners().forEach(m -> byUid.put(m.uid(), m));
    assertThat(byUid).hasSize(4);
    assertThat(byUid.get(1).pairs()).singleElement().satisfies(p -> {
      assertThat(p.attempt()).isEqualTo(Attempt.VALIDATED);
      assertThat(p.score()).isEqualTo(1.0);
      assertThat(p.feedbackAcknowledged()).isTrue();
    });
    assertThat(byUid.get(2).pairs().get(0).attempt()).isEqualTo(Attempt.TIMEOUT);
    assertThat(byUid.get(3).pairs().get(0).attempt()).isEqualTo(Attempt.INVALID_BASE64);
    assertThat(byUid.get(4).alive()).isFalse();
    assertThat(r.settled()).isTrue();
    assertThat(r.scoresAfter()[1]).isGreaterThan(0);
    assertThat(r.scoresAfter()[2]).isZero();
    float[] w = board.weights();
    assertThat(w[1]).isGreaterThan(0f);
    assertThat(w[0]).isGreaterThan(w[1]); // the burn share
  }

  @Test
  void validatorFaultsHoldTheMinerInsteadOfScoringItZero(@TempDir Path dir) throws Exception {
    Net n = net(dir, 1);
    miner(n, 0, req -> new Submission(zip("state"), "ok"));
    Scoreboard board = new Scoreboard(List.of(), ai.alphacore.neurons.validator.scoring.ScoringConfig.defaults());
    runner(n, ZIP_IS_WORK, board, 5).run("r1");
    double before = board.scores()[1];
    assertThat(before).isGreaterThan(0);
    RoundResult r = runner(n, req -> Evaluation.of(Attempt.API_UNHEALTHY, "validation API down"), board, 5).run("r2");
    assertThat(r.miners().get(0).apiAverage()).isNull();
    assertThat(r.settled()).isFalse();
    assertThat(board.scores()[1]).isEqualTo(before);
  }
}
