package ai.alphacore.bittensor.ss58;

import java.math.BigInteger;

/** Bitcoin-alphabet Base58 (leading zero bytes ⇄ leading '1'). */
final class Base58 {
  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger B58 = BigInteger.valueOf(58);
  private static final int[] INDEX = new int[128];

  static {
    java.util.Arrays.fill(INDEX, -1);
    for (int i = 0; i < ALPHABET.length(); i++) INDEX[ALPHABET.charAt(i)] = i;
  }

  private Base58() {}

  static String encode(byte[] in) {
    int zeros = 0;
    while (zeros < in.length && in[zeros] == 0) zeros++;
    StringBuilder sb = new StringBuilder();
    BigInteger n = new BigInteger(1, in);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(B58);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < zeros; i++) sb.append('1');
    return sb.reverse().toString();
  }

  /** Returns null when a character is outside the alphabet. */
  static byte[] decode(String s) {
    BigInteger n = BigInteger.ZERO;
    int zeros = 0;
    boolean leading = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = c < 128 ? INDEX[c] : -1;
      if (d < 0) return null;
      if (leading && d == 0) zeros++;
      else leading = false;
      n = n.multiply(B58).add(BigInteger.valueOf(d));
    }
    byte[] mag = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int skip = mag.length > 0 && mag[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + mag.length - skip];
    System.arraycopy(mag, skip, out, zeros, mag.length - skip);
    return out;
  }
}
