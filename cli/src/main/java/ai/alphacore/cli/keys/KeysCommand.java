package ai.alphacore.cli.keys;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.crypto.Bip39;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.SecretUri;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alphacore keys derive|verify}: sr25519 key derivation and signature checks. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "sr25519 keys: derive a public key and SS58 address, verify a signature.",
    subcommands = {KeysCommand.Derive.class, KeysCommand.Verify.class})
public final class KeysCommand implements Runnable {
  static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "derive", mixinStandardHelpOptions = true,
      description = {"Print {\"public_key\", \"ss58\"} for a 32-byte seed or a mnemonic.",
          "Pass '-' as the value to read it from standard input and keep it off the process command line."})
  static final class Derive implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
      @Option(names = "--seed", paramLabel = "HEX", description = "32-byte mini secret as hex (0x optional), or '-' for stdin.")
      String seed;

      @Option(names = "--mnemonic", paramLabel = "WORDS", description = "BIP-39 mnemonic (substrate derivation), or '-' for stdin.")
      String mnemonic;
    }

    @Option(names = "--path", paramLabel = "//a//b", description = "Hard derivation junctions, e.g. //Alice.")
    String path;

    @Option(names = "--prefix", defaultValue = "42", description = "SS58 prefix (default: ${DEFAULT-VALUE}).")
    int prefix;

    @Override
    public Integer call() throws IOException {
      Sr25519 sr = Sr25519.standard();
      Sr25519Keypair kp;
      if (source.seed != null) {
        kp = sr.fromMiniSecret(Hex.decode(readIfDash(source.seed), 32, "seed"));
      } else {
        kp = sr.fromMiniSecret(Bip39.miniSecret(readIfDash(source.mnemonic), ""));
      }
      if (path != null && !path.isEmpty()) kp = SecretUri.deriveHard(sr, kp, SecretUri.junctions(path));
      ObjectNode o = JSON.createObjectNode();
      o.put("public_key", Hex.encode(kp.publicKey()));
      o.put("ss58", Ss58.encode(kp.publicKey(), prefix));
      spec.commandLine().getOut().println(JSON.writeValueAsString(o));
      return 0;
    }

    private static String readIfDash(String v) throws IOException {
      if (!"-".equals(v)) return v.trim();
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) throw new BittensorException(BittensorException.Code.BAD_KEY, "nothing on standard input");
      return line.trim();
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Verify an sr25519 signature (context 'substrate').",
          "Exit 0 when valid, 1 when not, 2 on malformed input. Like btwallet, a signature over",
          "<Bytes>message</Bytes> is also accepted unless --strict is given."})
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--address", required = true, paramLabel = "SS58", description = "Signer address (prefix 42).")
    String address;

    @Option(names = "--message-hex", required = true, paramLabel = "H", description = "Message bytes as hex.")
    String messageHex;

    @Option(names = "--signature-hex", required = true, paramLabel = "S", description = "64-byte signature as hex (0x optional).")
    String signatureHex;

    @Option(names = "--strict", description = "Accept only a signature over the raw message.")
    boolean strict;

    @Override
    public Integer call() throws IOException {
      byte[] pk = Ss58.decode(address);
      byte[] msg = Hex.decode(messageHex);
      byte[] sig = Hex.decode(signatureHex, 64, "signature");
      Sr25519 sr = Sr25519.standard();
      boolean ok = strict ? sr.verify(pk, msg, sig) : sr.verifyAcceptingWrapped(pk, msg, sig);
      ObjectNode o = JSON.createObjectNode();
      o.put("valid", ok);
      o.put("address", address);
      spec.commandLine().getOut().println(JSON.writeValueAsString(o));
      return ok ? 0 : 1;
    }
  }
}
