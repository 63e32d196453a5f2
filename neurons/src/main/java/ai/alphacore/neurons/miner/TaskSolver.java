package ai.alphacore.neurons.miner;

/**
 * The one thing a miner author writes: turn a prompt into a deployed workspace. The miner node
 * does everything else (axon, blacklist, synapses, ZIP transport). Implementations must be
 * thread-safe: several validators may send tasks at once.
 */
@FunctionalInterface
public interface TaskSolver {
  Submission solve(TaskRequest request) throws Exception;
}
