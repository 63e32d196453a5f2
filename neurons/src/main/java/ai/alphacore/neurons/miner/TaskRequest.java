package ai.alphacore.neurons.miner;

import java.time.Instant;

/**
 * What a miner's agent is given: the task id and the natural-language prompt, nothing more
 * (miners never see the invariants), plus who asked and by when the answer is due.
 */
public record TaskRequest(String taskId, String prompt, String validatorHotkey, Instant deadline) {}
