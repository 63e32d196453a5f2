package ai.alphacore.bittensor.crypto;

import java.nio.charset.StandardCharsets;

/** Merlin v1.0 transcript (STROBE-128 based), the Fiat-Shamir layer under schnorrkel. */
public final class MerlinTranscript {
  private final Strobe128 strobe;

  public MerlinTranscript(String label) {
    this(ascii(label));
  }

  public MerlinTranscript(byte[] label) {
    strobe = new Strobe128(ascii("Merlin v1.0"));
    appendMessage(ascii("dom-sep"), label);
  }

  private MerlinTranscript(Strobe128 s) {
    strobe = s;
  }

  public MerlinTranscript copy() {
    return new MerlinTranscript(strobe.copy());
  }

  public void appendMessage(String label, byte[] message) {
    appendMessage(ascii(label), message);
  }

  public void appendMessage(byte[] label, byte[] message) {
    strobe.metaAd(label, false);
    strobe.metaAd(le32(message.length), true);
    strobe.ad(message, false);
  }

  public byte[] challengeBytes(String label, int length) {
    byte[] out = new byte[length];
    strobe.metaAd(ascii(label), false);
    strobe.metaAd(le32(length), true);
    strobe.prf(out, false);
    return out;
  }

  /**
   * Merlin's transcript RNG: rekey a copy with the witness, then with 32 external random bytes,
   * then squeeze {@code length} bytes. The transcript itself is left unchanged.
   */
  public byte[] witnessBytes(String label, byte[] witness, byte[] rng32, int length) {
    Strobe128 s = strobe.copy();
    s.metaAd(ascii(label), false);
    s.metaAd(le32(witness.length), true);
    s.key(witness, false);
    s.metaAd(ascii("rng"), false);
    s.key(rng32, false);
    byte[] out = new byte[length];
    s.metaAd(le32(length), false);
    s.prf(out, false);
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }
}
