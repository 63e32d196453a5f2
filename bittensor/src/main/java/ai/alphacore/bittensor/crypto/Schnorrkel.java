package ai.alphacore.bittensor.crypto;

import ai.alphacore.bittensor.BittensorException;
import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/** schnorrkel 0.9+ semantics on curve25519-elisabeth (pure Java). */
final class Schnorrkel implements Sr25519 {
  static final Schnorrkel INSTANCE = new Schnorrkel();
  private static final byte[] CONTEXT = MerlinTranscript.ascii("substrate");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Schnorrkel() {}

  @Override
  public Sr25519Keypair fromMiniSecret(byte[] miniSecret) {
    if (miniSecret == null || miniSecret.length != 32)
      throw new BittensorException(BittensorException.Code.BAD_KEY, "mini secret must be 32 bytes");
    byte[] h = sha512(miniSecret);
    byte[] k = Arrays.copyOfRange(h, 0, 32);
    k[0] &= (byte) 248;
    k[31] &= 63;
    k[31] |= 64;
    byte[] x = divideByCofactor(k);
    return keypair(x, Arrays.copyOfRange(h, 32, 64));
  }

  @Override
  public Sr25519Keypair fromSecretKey(byte[] sk) {
    if (sk == null || sk.length != 64)
      throw new BittensorException(BittensorException.Code.BAD_KEY, "secret key must be 64 bytes");
    byte[] x = Arrays.copyOfRange(sk, 0, 32);
    try {
      Scalar.fromCanonicalBytes(x);
    } catch (IllegalArgumentException e) {
      throw new BittensorException(BittensorException.Code.BAD_KEY, "secret scalar is not canonical");
    }
    return keypair(x, Arrays.copyOfRange(sk, 32, 64));
  }

  private static Sr25519Keypair keypair(byte[] x, byte[] nonce) {
    Scalar s = Scalar.fromCanonicalBytes(x);
    byte[] pub = Constants.RISTRETTO_GENERATOR_TABLE.multiply(s).compress().toByteArray();
    return new Sr25519Keypair(x, nonce, pub);
  }

  @Override
  public byte[] sign(Sr25519Keypair key, byte[] message) {
    byte[] rng = new byte[32];
    RANDOM.nextBytes(rng);
    return sign(key, message, rng);
  }

  @Override
  public byte[] sign(Sr25519Keypair key, byte[] message, byte[] rng32) {
    MerlinTranscript t = transcript(message, key.publicKey());
    byte[] rBytes = t.witnessBytes("signing", key.nonce(), rng32, 64);
    Scalar r = Scalar.fromBytesModOrderWide(rBytes);
    byte[] bigR = Constants.RISTRETTO_GENERATOR_TABLE.multiply(r).compress().toByteArray();
    t.appendMessage("sign:R", bigR);
    Scalar k = Scalar.fromBytesModOrderWide(t.challengeBytes("sign:c", 64));
    Scalar s = k.multiplyAndAdd(Scalar.fromCanonicalBytes(key.secretScalar()), r);
    byte[] sig = new byte[64];
    System.arraycopy(bigR, 0, sig, 0, 32);
    System.arraycopy(s.toByteArray(), 0, sig, 32, 32);
    sig[63] |= (byte) 0x80;
    return sig;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64)
      return false;
    if (message == null) return false;
    if ((signature[63] & 0x80) == 0) return false; // not a schnorrkel (0.1.1+) signature
    byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
    sBytes[31] &= 0x7f;
    Scalar s;
    try {
      s = Scalar.fromCanonicalBytes(sBytes);
    } catch (IllegalArgumentException e) {
      return false;
    }
    RistrettoElement pk;
    try {
      pk = new CompressedRistretto(publicKey).decompress();
    } catch (InvalidEncodingException e) {
      return false;
    }
    // Rust schnorrkel accepts the identity key with R = 0, s = 0 for every message; we do not.
    if (pk.equals(RistrettoElement.IDENTITY)) return false;
    byte[] bigR = Arrays.copyOfRange(signature, 0, 32);
    MerlinTranscript t = transcript(message, publicKey);
    t.appendMessage("sign:R", bigR);
    Scalar k = Scalar.fromBytesModOrderWide(t.challengeBytes("sign:c", 64));
    RistrettoElement check = Curve.sBminusKP(s, k, pk);
    return MessageDigest.isEqual(check.compress().toByteArray(), bigR);
  }

  @Override
  public byte[] hardDeriveMiniSecret(Sr25519Keypair parent, byte[] chainCode32) {
    if (chainCode32.length != 32)
      throw new BittensorException(BittensorException.Code.BAD_DERIVATION_PATH, "chain code must be 32 bytes");
    MerlinTranscript t = new MerlinTranscript("SchnorrRistrettoHDKD");
    t.appendMessage("sign-bytes", new byte[0]);
    t.appendMessage("chain-code", chainCode32);
    t.appendMessage("secret-key", parent.secretScalar());
    return t.challengeBytes("HDKD-hard", 32);
  }

  private static MerlinTranscript transcript(byte[] message, byte[] publicKey) {
    MerlinTranscript t = new MerlinTranscript("SigningContext");
    t.appendMessage(new byte[0], CONTEXT);
    t.appendMessage("sign-bytes", message);
    t.appendMessage("proto-name", MerlinTranscript.ascii("Schnorr-sig"));
    t.appendMessage("sign:pk", publicKey);
    return t;
  }

  /** LE(k) >> 3 over 32 bytes. */
  static byte[] divideByCofactor(byte[] k) {
    byte[] x = new byte[32];
    for (int i = 0; i < 32; i++) {
      int hi = i + 1 < 32 ? (k[i + 1] & 0xff) : 0;
      x[i] = (byte) (((k[i] & 0xff) >>> 3) | (hi << 5));
    }
    return x;
  }

  static byte[] sha512(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
