package ai.alphacore.cli.neuron;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.wallet.Wallet;
import picocli.CommandLine.Option;

/** The neuron's wallet: btcli flag names, then {@code ALPHACORE_WALLET_*} / {@code BT_WALLET_*}. */
public final class WalletOptions {
  @Option(names = "--wallet.name", paramLabel = "NAME", description = "Wallet name (env ALPHACORE_WALLET_NAME, BT_WALLET_NAME; default 'default').")
  String name;

  @Option(names = "--wallet.hotkey", paramLabel = "NAME", description = "Hotkey name (env ALPHACORE_WALLET_HOTKEY, BT_WALLET_HOTKEY; default 'default').")
  String hotkey;

  @Option(names = "--wallet.path", paramLabel = "DIR", description = "Wallets directory (env ALPHACORE_WALLET_PATH, BT_WALLET_PATH; default ~/.bittensor/wallets).")
  String path;

  Wallet wallet() {
    String n = name != null ? name : orDefault(ChainOptions.env("ALPHACORE_WALLET_NAME", "AC_WALLET_NAME", "BT_WALLET_NAME"), "default");
    String h = hotkey != null ? hotkey : orDefault(ChainOptions.env("ALPHACORE_WALLET_HOTKEY", "AC_WALLET_HOTKEY", "BT_WALLET_HOTKEY"), "default");
    String p = path != null ? path : ChainOptions.env("ALPHACORE_WALLET_PATH", "BT_WALLET_PATH");
    return new Wallet(p == null ? Wallet.defaultPath() : Wallet.expand(p), n, h, Sr25519.standard());
  }

  /** The hotkey keypair; hotkeys are stored unencrypted in the btwallet layout. */
  Sr25519Keypair hotkeyPair() {
    return wallet().hotkey();
  }

  private static String orDefault(String v, String d) {
    return v == null ? d : v;
  }
}
