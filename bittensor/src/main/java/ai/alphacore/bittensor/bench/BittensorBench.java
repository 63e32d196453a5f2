package ai.alphacore.bittensor.bench;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import java.nio.charset.StandardCharsets;

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
