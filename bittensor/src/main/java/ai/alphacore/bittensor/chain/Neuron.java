package ai.alphacore.bittensor.chain;

/** One metagraph row, normalised as the Python SDK shows it (u16 fractions as doubles, TAO). */
public record Neuron(
    int uid, String hotkey, String coldkey, boolean active, AxonInfo axon, double stakeTao,
    double incentive, double dividends, double consensus, double trust, double validatorTrust,
    double emissionTao, long lastUpdate, boolean validatorPermit) {}
