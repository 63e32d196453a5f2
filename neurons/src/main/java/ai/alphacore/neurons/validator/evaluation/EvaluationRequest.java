package ai.alphacore.neurons.validator.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One submission to evaluate. {@code taskJson} is this miner's own copy of the validator task
 * JSON with its {@code miner_uid} set (the reference leaked the first miner's uid to all).
 */
public record EvaluationRequest(String roundId, int uid, String hotkey, ObjectNode taskJson, byte[] workspaceZip) {}
