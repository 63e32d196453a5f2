package ai.alphacore.bittensor.crypto;

import ai.alphacore.bittensor.BittensorException;
import java.util.HexFormat;

/** Lower-case hex without a prefix; {@link #decode} also accepts an optional {@code 0x}. */
public final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] b) {
    return HEX.formatHex(b);
  }

  public static String encode0x(byte[] b) {
    return "0x" + HEX.formatHex(b);
  }

  public static byte[] decode(String s) {
    if (s == null) throw new BittensorException(BittensorException.Code.BAD_HEX, "hex is missing");
    String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if ((t.length() & 1) != 0)
      throw new BittensorException(BittensorException.Code.BAD_HEX, "hex has an odd length");
    try {
      return HEX.parseHex(t);
    } catch (IllegalArgumentException e) {
      throw new BittensorException(BittensorException.Code.BAD_HEX, "not a hex string");
    }
  }

  /** Decodes and checks the byte length, for keys and signatures. */
  public static byte[] decode(String s, int expectedLength, String what) {
    byte[] b = decode(s);
    if (b.length != expectedLength)
      throw new BittensorException(
          BittensorException.Code.BAD_HEX,
          what + " must be " + expectedLength + " bytes, got " + b.length);
    return b;
  }
}
