package ai.alphacore.neurons.validator.round;

import java.util.List;

/**
 * One miner's round. {@code apiAverage} is null when every pair failed on the validator's side
 * (the miner is then held: neither scored nor decayed).
 */
public record MinerRound(
    int uid, String hotkey, boolean alive, String minerVersion, int capacity, List<PairResult> pairs,
    Double apiAverage, Double latencySeconds, double finalScore) {}
