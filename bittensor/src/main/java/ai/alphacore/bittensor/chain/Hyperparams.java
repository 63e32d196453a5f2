package ai.alphacore.bittensor.chain;

/** The subnet parameters set_weights depends on (storage items of protocol.md B3.2). */
public record Hyperparams(
    int tempo, int minAllowedWeights, int maxWeightsLimit, long weightsRateLimit,
    boolean commitRevealEnabled, long weightsVersionKey, long revealPeriodEpochs, int subnetworkN) {}
