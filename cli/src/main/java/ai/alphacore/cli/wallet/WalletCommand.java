package ai.alphacore.cli.wallet;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.wallet.Wallet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alphacore wallet new|show|list}: Bittensor wallets in the btwallet on-disk layout. */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = "Create and inspect Bittensor wallets (btwallet layout, files mode 600).",
    subcommands = {WalletCommand.New.class, WalletCommand.Show.class, WalletCommand.ListCmd.class})
public final class WalletCommand implements Runnable {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every wallet subcommand shares (btcli names). */
  static class WalletOptions {
    @Option(names = "--wallet.name", defaultValue = "default", description = "Wallet name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--wallet.hotkey", defaultValue = "default", description = "Hotkey name (default: ${DEFAULT-VALUE}).")
    String hotkey;

    @Option(names = "--wallet.path", description = "Wallets directory (default: ~/.bittensor/wallets).")
    String path;

    Path root() {
      return path == null ? Wallet.defaultPath() : Wallet.expand(path);
    }
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = "Create a wallet: a new coldkey (unless one exists) and a new hotkey. Mnemonics are stored in the keyfiles, never printed.")
  static final class New implements Callable<Integer> {
    @CommandLine.Mixin WalletOptions w = new WalletOptions();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Encrypt the coldkey with the password held in this environment variable.")
    String passwordEnv;

    @Option(names = "--password-stdin", description = "Encrypt the coldkey with a password read from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--no-password", description = "Write the coldkey unencrypted (test wallets only).")
    boolean noPassword;

    @Override
    public Integer call() throws IOException {
      int modes = (passwordEnv != null ? 1 : 0) + (passwordStdin ? 1 : 0) + (noPassword ? 1 : 0);
      if (modes != 1)
        throw new CommandLine.ParameterException(spec.commandLine(),
            "choose exactly one of --password-env VAR, --password-stdin, --no-password");
      byte[] pw = null;
      if (passwordEnv != null) {
        String v = System.getenv(passwordEnv);
        if (v == null || v.isEmpty())
          throw new CommandLine.ParameterException(spec.commandLine(), "environment variable " + passwordEnv + " is empty or unset");
        pw = v.getBytes(StandardCharsets.UTF_8);
      } else if (passwordStdin) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty())
          throw new CommandLine.ParameterException(spec.commandLine(), "no password on standard input");
        pw = line.getBytes(StandardCharsets.UTF_8);
      }
      try {
        Wallet.Created c = Wallet.create(w.root(), w.name, w.hotkey, pw, Sr25519.standard(), new SecureRandom());
        ObjectNode o = JSON.createObjectNode();
        o.put("wallet", w.name);
        o.put("hotkey", w.hotkey);
        o.put("path", c.wallet().dir().toString());
        o.put("coldkey_ss58", c.coldkeySs58());
        o.put("hotkey_ss58", c.hotkeySs58());
        o.put("coldkey_encrypted", c.coldkeyEncrypted());
        spec.commandLine().getOut().println(JSON.writeValueAsString(o));
        return 0;
      } finally {
        if (pw != null) Arrays.fill(pw, (byte) 0);
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a wallet's public keys as JSON.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Mixin WalletOptions w = new WalletOptions();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Wallet wallet = new Wallet(w.root(), w.name, w.hotkey, Sr25519.standard());
      ObjectNode o = JSON.createObjectNode();
      o.put("wallet", w.name);
      o.put("hotkey", w.hotkey);
      o.put("path", wallet.dir().toString());
      o.put("coldkey_ss58", wallet.coldkeySs58());
      o.put("hotkey_ss58", wallet.hotkeySs58());
      o.put("hotkey_public_key", ai.alphacore.bittensor.crypto.Hex.encode0x(
          ai.alphacore.bittensor.ss58.Ss58.decode(wallet.hotkeySs58())));
      spec.commandLine().getOut().println(JSON.writeValueAsString(o));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List wallets and hotkeys under --wallet.path as JSON.")
  static final class ListCmd implements Callable<Integer> {
    @Option(names = "--wallet.path", description = "Wallets directory (default: ~/.bittensor/wallets).")
    String path;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Path root = path == null ? Wallet.defaultPath() : Wallet.expand(path);
      ArrayNode arr = JSON.createArrayNode();
      for (Wallet.Info i : Wallet.list(root, Sr25519.standard())) {
        ObjectNode o = arr.addObject();
        o.put("wallet", i.name());
        o.put("coldkey_ss58", i.coldkeySs58().orElse(null));
        ArrayNode hs = o.putArray("hotkeys");
        for (Wallet.HotkeyInfo h : i.hotkeys()) {
          ObjectNode ho = hs.addObject();
          ho.put("name", h.name());
          ho.put("ss58", h.ss58().orElse(null));
        }
      }
      spec.commandLine().getOut().println(JSON.writeValueAsString(arr));
      return 0;
    }
  }
}
