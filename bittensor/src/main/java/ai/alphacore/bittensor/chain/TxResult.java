package ai.alphacore.bittensor.chain;

/**
 * Outcome of an extrinsic. {@code error} is subtensor's error name when the chain (or its
 * transaction pool) refused it, e.g. {@code SettingWeightsTooFast}, {@code NeuronNoValidatorPermit}.
 */
public record TxResult(boolean success, String txHash, String error, String message) {
  public static TxResult ok(String txHash) {
    return new TxResult(true, txHash, null, "ok");
  }

  public static TxResult rejected(String error, String message) {
    return new TxResult(false, null, error, message);
  }
}
