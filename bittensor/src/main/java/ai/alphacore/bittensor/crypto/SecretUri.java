package ai.alphacore.bittensor.crypto;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Substrate secret URIs: {@code <mnemonic | 0x-seed>[//hard…][///password]}. Hard junctions only
 * ({@code /soft} is refused with a clear error: neurons never need it).
 */
public final class SecretUri {
  private SecretUri() {}

  /** Parses and derives a keypair. */
  public static Sr25519Keypair derive(Sr25519 sr, String uri) {
    if (uri == null || uri.isBlank()) throw new BittensorException(Code.BAD_DERIVATION_PATH, "secret URI is empty");
    String password = null;
    int pw = uri.indexOf("///");
    String rest = uri;
    if (pw >= 0) {
      password = uri.substring(pw + 3);
      rest = uri.substring(0, pw);
    }
    int j = rest.indexOf('/');
    String phrase = (j < 0 ? rest : rest.substring(0, j)).trim();
    String path = j < 0 ? "" : rest.substring(j);
    byte[] mini;
    if (phrase.startsWith("0x")) {
      if (password != null)
        throw new BittensorException(Code.BAD_DERIVATION_PATH, "a password only applies to a mnemonic");
      mini = Hex.decode(phrase, 32, "seed");
    } else {
      mini = Bip39.miniSecret(phrase, password == null ? "" : password);
    }
    return deriveHard(sr, sr.fromMiniSecret(mini), junctions(path));
  }

  /** Applies hard junctions in order. */
  public static Sr25519Keypair deriveHard(Sr25519 sr, Sr25519Keypair root, List<String> junctions) {
    Sr25519Keypair k = root;
    for (String name : junctions) k = sr.fromMiniSecret(sr.hardDeriveMiniSecret(k, chainCode(name)));
    return k;
  }

  /** Splits a path of hard junctions ({@code //a//b}) into names. */
  public static List<String> junctions(String path) {
    List<String> out = new ArrayList<>();
    String p = path;
    while (!p.isEmpty()) {
      if (!p.startsWith("//"))
        throw new BittensorException(
            Code.BAD_DERIVATION_PATH, "only hard junctions (//name) are supported");
      p = p.substring(2);
      int next = p.indexOf('/');
      String name = next < 0 ? p : p.substring(0, next);
      if (name.isEmpty()) throw new BittensorException(Code.BAD_DERIVATION_PATH, "empty junction name");
      out.add(name);
      p = next < 0 ? "" : p.substring(next);
    }
    return out;
  }

  /** sp-core DeriveJunction: numbers as u64 LE, else SCALE string; longer than 32 → blake2b-256. */
  public static byte[] chainCode(String name) {
    byte[] enc;
    if (name.matches("[0-9]{1,20}") && fitsU64(name)) {
      long v = Long.parseUnsignedLong(name);
      enc = new byte[8];
      for (int i = 0; i < 8; i++) enc[i] = (byte) (v >>> (8 * i));
    } else {
      byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
      enc = Hashes.concat(compact(utf8.length), utf8);
    }
    if (enc.length > 32) return Hashes.blake2b256(enc);
    byte[] cc = new byte[32];
    System.arraycopy(enc, 0, cc, 0, enc.length);
    return cc;
  }

  private static boolean fitsU64(String s) {
    try {
      Long.parseUnsignedLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static byte[] compact(int n) {
    if (n < 64) return new byte[] {(byte) (n << 2)};
    if (n < 16384) return new byte[] {(byte) ((n << 2) | 1), (byte) (n >> 6)};
    int v = (n << 2) | 2;
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
