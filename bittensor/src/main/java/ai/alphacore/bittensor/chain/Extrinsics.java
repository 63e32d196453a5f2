package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.metadata.RuntimeMetadata;
import ai.alphacore.bittensor.scale.Era;
import ai.alphacore.bittensor.scale.ScaleWriter;
import java.math.BigInteger;

/**
 * Signed extrinsics v4: the transaction extensions are taken from the runtime metadata in its
 * order; each known one contributes its explicit ("extra") and implicit bytes, zero-sized ones
 * nothing. An unknown extension that carries data is refused rather than guessed.
 */
public final class Extrinsics {
  private Extrinsics() {}

  /** Everything the signing payload depends on besides the call. */
  public record SigningContext(long nonce, BigInteger tip, Era era, long specVersion, long transactionVersion, byte[] genesisHash, byte[] birthBlockHash) {}

  /** The pieces, for inspection and tests. */
  public record Built(byte[] extra, byte[] implicit, byte[] signingPayload, byte[] signature, byte[] extrinsic, byte[] txHash, int signatureOffset) {}

  public static Built build(RuntimeMetadata md, byte[] call, Sr25519Keypair signer, SigningContext c, Sr25519 sr) {
    if (md.extrinsicVersion() != 4)
      throw new BittensorException(Code.UNSUPPORTED, "extrinsic version " + md.extrinsicVersion() + " is not supported (only v4)");
    ScaleWriter extra = new ScaleWriter();
    ScaleWriter implicit = new ScaleWriter();
    for (RuntimeMetadata.Extension x : md.extensions()) {
      boolean noExtra = md.types().get(x.extraType()).isZeroSized(md.types());
      boolean noImplicit = md.types().get(x.implicitType()).isZeroSized(md.types());
      switch (x.identifier()) {
        case "CheckSpecVersion" -> implicit.u32(c.specVersion());
        case "CheckTxVersion" -> implicit.u32(c.transactionVersion());
        case "CheckGenesis" -> implicit.raw(c.genesisHash());
        case "CheckMortality", "CheckEra" -> {
          extra.raw(c.era().encode());
          implicit.raw(c.era().immortal() ? c.genesisHash() : c.birthBlockHash());
        }
        case "CheckNonce" -> extra.compact(c.nonce());
        case "ChargeTransactionPayment", "ChargeTransactionPaymentWrapper" -> extra.compact(c.tip());
        case "CheckMetadataHash" -> {
          extra.u8(0); // mode: disabled
          implicit.none();
        }
        default -> {
          if (!noExtra || !noImplicit)
            throw new BittensorException(Code.UNSUPPORTED, "transaction extension " + x.identifier() + " carries data this client cannot build");
        }
      }
    }
    byte[] e = extra.toByteArray();
    byte[] i = implicit.toByteArray();
    byte[] payload = Hashes.concat(call, e, i);
    byte[] toSign = payload.length > 256 ? Hashes.blake2b256(payload) : payload;
    byte[] sig = sr.sign(signer, toSign);
    return assemble(call, signer.publicKey(), sig, e, i, payload);
  }

  static Built assemble(byte[] call, byte[] pub, byte[] sig, byte[] extra, byte[] implicit, byte[] payload) {
    byte[] body = new ScaleWriter().u8(0x84).u8(0x00).raw(pub).u8(0x01).raw(sig).raw(extra).raw(call).toByteArray();
    byte[] prefix = ScaleWriter.compactBytes(BigInteger.valueOf(body.length));
    byte[] xt = Hashes.concat(prefix, body);
    return new Built(extra, implicit, payload, sig, xt, Hashes.blake2b256(xt), prefix.length + 2 + 32 + 1);
  }
}
