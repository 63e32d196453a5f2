package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.metadata.RuntimeMetadata;
import java.util.List;

/** Storage keys: {@code twox128(pallet) ‖ twox128(item) ‖ hasher_i(SCALE(key_i))}, hashers from metadata. */
public final class StorageKeys {
  private StorageKeys() {}

  public static byte[] key(RuntimeMetadata md, String pallet, String item, byte[]... encodedKeys) {
    RuntimeMetadata.StorageEntry e = md.storage(pallet, item);
    return key(pallet, item, e.hashers(), encodedKeys);
  }

  public static byte[] key(String pallet, String item, List<RuntimeMetadata.Hasher> hashers, byte[]... encodedKeys) {
    if (encodedKeys.length > hashers.size())
      throw new BittensorException(Code.METADATA, pallet + "." + item + " takes " + hashers.size() + " keys");
    byte[] out = Hashes.concat(Hashes.twox128(pallet), Hashes.twox128(item));
    for (int i = 0; i < encodedKeys.length; i++) out = Hashes.concat(out, hash(hashers.get(i), encodedKeys[i]));
    return out;
  }

  static byte[] hash(RuntimeMetadata.Hasher h, byte[] k) {
    return switch (h) {
      case IDENTITY -> k;
      case BLAKE2_128 -> Hashes.blake2b(k, 128);
      case BLAKE2_256 -> Hashes.blake2b(k, 256);
      case BLAKE2_128_CONCAT -> Hashes.blake2_128Concat(k);
      case TWOX_128 -> Hashes.twox128(k);
      case TWOX_256 -> Hashes.twox256(k);
      case TWOX_64_CONCAT -> Hashes.twox64Concat(k);
    };
  }

  public static byte[] u16(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8)};
  }
}
