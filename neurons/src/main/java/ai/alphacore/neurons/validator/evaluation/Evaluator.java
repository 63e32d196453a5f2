package ai.alphacore.neurons.validator.evaluation;

/**
 * Turns one miner submission into a score: the Validation API in production, the judge
 * in-process in tests. Must tell a miner's fault from its own, so the validator never scores a
 * miner 0 for a failure that was not the miner's.
 */
@FunctionalInterface
public interface Evaluator {
  Evaluation evaluate(EvaluationRequest request);
}
