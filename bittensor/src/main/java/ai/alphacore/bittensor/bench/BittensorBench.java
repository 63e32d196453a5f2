package ai.alphacore.bittensor.bench;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.wire.Axon;
import ai.alphacore.bittensor.wire.AxonTarget;
import ai.alphacore.bittensor.wire.Dendrite;
import ai.alphacore.bittensor.wire.Synapse;
import ai.alphacore.bittensor.wire.SynapseSpec;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Throughput figures for the targets: sr25519 sign/verify per second on one thread. */
public final class BittensorBench {
  private BittensorBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    Sr25519 sr = Sr25519.standard();
    Sr25519Keypair kp = sr.fromMiniSecret(new byte[32]);
    byte[] msg =
        "1735689600123456789.5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu.5Egwjr3bfKhoPMQHxX3HzgJCHYo8bHNxdXiNHGLaXhjhuoqC.6c7e2a4e-0000-11f0-8000-0242ac120002.a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
            .getBytes(StandardCharsets.UTF_8);
    byte[] sig = sr.sign(kp, msg);
    System.out.printf("sr25519 sign/s   (1 thread): %.0f%n", rate(seconds, () -> sr.sign(kp, msg)));
    System.out.printf(
        "sr25519 verify/s (1 thread): %.0f%n",
        rate(seconds, () -> {
          if (!sr.verify(kp.publicKey(), msg, sig)) throw new IllegalStateException("verify failed");
        }));
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    dendriteRound(sr, n);
  }

  /** One validator round to {@code n} loopback axons; requests and responses both signed. */
  static void dendriteRound(Sr25519 sr, int n) {
    SynapseSpec spec = SynapseSpec.of("StartRoundSynapse",
        SynapseSpec.Field.of("round_id", SynapseSpec.Type.STRING, TextNode.valueOf("")),
        SynapseSpec.Field.of("miner_version", SynapseSpec.Type.STRING, TextNode.valueOf("")));
    List<Axon> axons = new ArrayList<>();
    List<AxonTarget> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) i;
      seed[1] = (byte) (i >> 8);
      seed[2] = 1;
      Axon a = Axon.builder(sr.fromMiniSecret(seed)).bind("127.0.0.1", 0).build()
          .attach(spec, r -> r.set("miner_version", "bench")).start();
      axons.add(a);
      targets.add(new AxonTarget("127.0.0.1", a.port(), a.hotkeySs58()));
    }
    try (Dendrite d = new Dendrite(sr.fromMiniSecret(new byte[32]), Dendrite.Options.defaults().withVerifyAxonSignature(true), sr)) {
      for (int round = 0; round < 4; round++) {
        long t0 = System.nanoTime();
        List<Synapse> out = d.forward(targets, () -> new Synapse(spec).set("round_id", "r"), 30);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long ok = out.stream().filter(Synapse::isSuccess).count();
        System.out.printf("dendrite round to %d loopback axons (%s): %d ms, %d/%d succeeded%n",
            n, round == 0 ? "cold: new connections, JIT warm-up" : "warm", ms, ok, n);
      }
    } finally {
      axons.forEach(Axon::close);
    }
  }

  static double rate(double seconds, Runnable op) {
    long warm = System.nanoTime() + (long) (seconds * 0.5e9);
    while (System.nanoTime() < warm) op.run();
    long n = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      op.run();
      n++;
    } while ((now = System.nanoTime()) < end);
    return n / ((now - start) / 1e9);
  }
}
