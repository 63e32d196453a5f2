package ai.alphacore.taskgen.variant;

import ai.alphacore.taskgen.config.ConfigException;

/**
 * Miner hotkeys as variant keys. A Bittensor hotkey is an SS58 address: base58 text of 47-48
 * characters. Only the shape is checked (the checksum needs blake2b, which lives with the chain
 * code); the variant is deterministic in the exact string.
 */
public final class Hotkeys {
  private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]";

  private Hotkeys() {}

  public static String require(String hotkey) {
    if (hotkey == null || !hotkey.matches(BASE58 + "{46,48}")) {
      throw new ConfigException("--miner/--hotkey '" + hotkey + "' is not an SS58 address (46-48 base58 characters, e.g. 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY)");
    }
    return hotkey;
  }
}
