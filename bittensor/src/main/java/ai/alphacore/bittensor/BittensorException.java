package ai.alphacore.bittensor;

/**
 * The one error type that crosses the bittensor module boundary. {@link #code()} is stable and
 * safe to show or match on; the message never contains secret material.
 */
public final class BittensorException extends RuntimeException {

  /** Stable error codes; names never change once released. */
  public enum Code {
    BAD_HEX,
    BAD_KEY,
    BAD_SIGNATURE,
    BAD_MNEMONIC,
    BAD_DERIVATION_PATH,
    SS58_INVALID_BASE58,
    SS58_INVALID_LENGTH,
    SS58_INVALID_PREFIX,
    SS58_INVALID_CHECKSUM,
    SS58_WRONG_PREFIX,
    WALLET_NOT_FOUND,
    WALLET_EXISTS,
    WALLET_BAD_KEYFILE,
    WALLET_DECRYPT_FAILED,
    WALLET_ENCRYPTED,
    WALLET_IO,
    SCALE_DECODE,
    METADATA,
    SYNAPSE,
    AXON,
    RPC,
    RPC_TIMEOUT,
    CHAIN_REJECTED,
    UNSUPPORTED,
    LOCALCHAIN_IO
  }

  private final Code code;

  public BittensorException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public BittensorException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  @Override
  public String toString() {
    return "BittensorException[" + code + "]: " + getMessage();
  }
}
