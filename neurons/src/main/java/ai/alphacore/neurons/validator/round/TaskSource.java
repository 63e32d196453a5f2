package ai.alphacore.neurons.validator.round;

import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.Rng;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a round's tasks come from: seeded generation, one base task per slot and a variant per
 * miner, so every miner gets its own names and nonce (a copied submission fails).
 */
public final class TaskSource {
  private final TaskGenerator generator;
  private final Selection selection;
  private final long seed;

  /** @param seed run seed; with the round id it makes every round's tasks reproducible */
  public TaskSource(TaskGenerator generator, Selection selection, long seed) {
    this.generator = generator;
    this.selection = selection;
    this.seed = seed;
  }

  public List<GeneratedTask> baseTasks(String roundId, int count) {
    List<GeneratedTask> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(generator.generate(TaskSeed.base(Rng.hash("round", seed, roundId, i)), selection));
    return out;
  }

  public GeneratedTask forMiner(GeneratedTask base, String hotkey) {
    return generator.variant(base, hotkey);
  }
}
