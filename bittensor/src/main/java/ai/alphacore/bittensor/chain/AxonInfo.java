package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.scale.ScaleReader;
import ai.alphacore.bittensor.scale.ScaleWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Subtensor {@code AxonInfo} (34 bytes SCALE) with the ip as text, as the SDK shows it. */
public record AxonInfo(long block, long version, String ip, int port, int ipType, int protocol) {
  public static final AxonInfo UNSERVED = new AxonInfo(0, 0, "0.0.0.0", 0, 4, 4);

  public boolean served() {
    return port != 0 && !ip.equals("0.0.0.0");
  }

  public static BigInteger ipToInt(String ip) {
    try {
      if (ip.isEmpty() || !(ip.contains(".") || ip.contains(":")))
        throw new BittensorException(Code.BAD_KEY, "not an IP address: " + ip);
      if (!ip.matches("[0-9a-fA-F:.\\[\\]]+")) throw new BittensorException(Code.BAD_KEY, "not an IP address: " + ip);
      byte[] b = InetAddress.getByName(ip.replace("[", "").replace("]", "")).getAddress();
      return new BigInteger(1, b);
    } catch (UnknownHostException e) {
      throw new BittensorException(Code.BAD_KEY, "not an IP address: " + ip);
    }
  }

  /** IPv4 dotted when the integer is below 2^32, else IPv6 text (the SDK's netaddr rule). */
  public static String intToIp(BigInteger v) {
    try {
      if (v.bitLength() <= 32) {
        long x = v.longValue();
        return ((x >> 24) & 255) + "." + ((x >> 16) & 255) + "." + ((x >> 8) & 255) + "." + (x & 255);
      }
      byte[] be = v.toByteArray();
      byte[] b16 = new byte[16];
      int n = Math.min(16, be.length);
      System.arraycopy(be, be.length - n, b16, 16 - n, n);
      return InetAddress.getByAddress(b16).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] encode() {
    return new ScaleWriter().u64(block).u32(version).u128(ipToInt(ip)).u16(port).u8(ipType).u8(protocol).u8(0).u8(0).toByteArray();
  }

  public static AxonInfo decode(ScaleReader r) {
    long block = r.u64();
    long version = r.u32();
    BigInteger ip = r.u128();
    int port = r.u16();
    int ipType = r.u8();
    int protocol = r.u8();
    r.u8();
    r.u8();
    return new AxonInfo(block, version, intToIp(ip), port, ipType, protocol);
  }
}
