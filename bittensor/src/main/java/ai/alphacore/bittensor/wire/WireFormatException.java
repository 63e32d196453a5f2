package ai.alphacore.bittensor.wire;

import ai.alphacore.bittensor.BittensorException;

/** Malformed synapse input (headers/body); the axon maps it to 400 with the message as reason. */
final class WireFormatException extends RuntimeException {
  WireFormatException(String message) {
    super(message, null, false, false);
  }

  BittensorException toPublic() {
    return new BittensorException(BittensorException.Code.SYNAPSE, getMessage());
  }
}
