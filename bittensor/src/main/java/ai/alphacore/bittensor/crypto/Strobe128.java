package ai.alphacore.bittensor.crypto;

/** The subset of STROBE-128 that Merlin uses (meta-AD, AD, KEY, PRF), byte-exact with merlin. */
final class Strobe128 {
  private static final int R = 166;
  private static final int FLAG_I = 1, FLAG_A = 2, FLAG_C = 4, FLAG_T = 8, FLAG_M = 16, FLAG_K = 32;

  private final byte[] st;
  private int pos;
  private int posBegin;
  private int curFlags;

  Strobe128(byte[] protocolLabel) {
    st = new byte[200];
    byte[] init = {1, (byte) (R + 2), 1, 0, 1, 96};
    System.arraycopy(init, 0, st, 0, 6);
    byte[] v = "STROBEv1.0.2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(v, 0, st, 6, v.length);
    Keccak.f1600(st);
    metaAd(protocolLabel, false);
  }

  private Strobe128(Strobe128 o) {
    st = o.st.clone();
    pos = o.pos;
    posBegin = o.posBegin;
    curFlags = o.curFlags;
  }

  Strobe128 copy() {
    return new Strobe128(this);
  }

  void metaAd(byte[] data, boolean more) {
    beginOp(FLAG_M | FLAG_A, more);
    absorb(data);
  }

  void ad(byte[] data, boolean more) {
    beginOp(FLAG_A, more);
    absorb(data);
  }

  void prf(byte[] out, boolean more) {
    beginOp(FLAG_I | FLAG_A | FLAG_C, more);
    squeeze(out);
  }

  void key(byte[] data, boolean more) {
    beginOp(FLAG_A | FLAG_C, more);
    overwrite(data);
  }

  private void runF() {
    st[pos] ^= (byte) posBegin;
    st[pos + 1] ^= 0x04;
    st[R + 1] ^= (byte) 0x80;
    Keccak.f1600(st);
    pos = 0;
    posBegin = 0;
  }

  private void absorb(byte[] data) {
    for (byte b : data) {
      st[pos] ^= b;
      if (++pos == R) runF();
    }
  }

  private void overwrite(byte[] data) {
    for (byte b : data) {
      st[pos] = b;
      if (++pos == R) runF();
    }
  }

  private void squeeze(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = st[pos];
      st[pos] = 0;
      if (++pos == R) runF();
    }
  }

  private void beginOp(int flags, boolean more) {
    if (more) {
      if (curFlags != flags) throw new IllegalStateException("STROBE: continued op with other flags");
      return;
    }
    if ((flags & FLAG_T) != 0) throw new IllegalStateException("STROBE: transport ops unsupported");
    int oldBegin = posBegin;
    posBegin = pos + 1;
    curFlags = flags;
    absorb(new byte[] {(byte) oldBegin, (byte) flags});
    boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
    if (forceF && pos != 0) runF();
  }
}
