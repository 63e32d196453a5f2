package ai.alphacore.neurons.localnet;

import ai.alphacore.neurons.validator.round.RoundListener;
import java.io.PrintStream;
import java.util.Map;

/** Prints the round as it goes: one line per evaluated (miner, task) pair. */
final class Progress implements RoundListener {
  private final PrintStream out;
  private final LocalNetwork net;

  Progress(PrintStream out, LocalNetwork net) {
    this.out = out;
    this.net = net;
  }

  @Override
  public void event(String name, Map<String, Object> p) {
    if (out == null) return;
    switch (name) {
      case "handshake_complete" -> out.printf("  handshake: %s of %s miners ready%n", p.get("alive"), p.get("queried"));
      case "pair_evaluated" -> {
        int uid = (Integer) p.get("uid");
        String kind = net.miner(uid).map(m -> m.kind().wire()).orElse("?");
        String task = String.valueOf(p.get("task_id"));
        out.printf("  uid %-3d %-9s task %s  %-18s score %.3f%n", uid, kind, task.substring(0, Math.min(8, task.length())),
            p.get("attempt"), (Double) p.get("score"));
      }
      default -> { }
    }
  }
}
