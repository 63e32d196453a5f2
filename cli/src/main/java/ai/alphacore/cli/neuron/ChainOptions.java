package ai.alphacore.cli.neuron;

import ai.alphacore.bittensor.chain.RpcSubtensor;
import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.crypto.Sr25519;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which chain to talk to: an explicit endpoint or a named network. An explicit endpoint wins
 * over the network name (the SDK's precedence bug is not repeated). The local chain is
 * in-process, so it is reached through {@code alphacore localnet}, not through these options.
 */
public final class ChainOptions {
  static final Map<String, String> NETWORKS = Map.of(
      "finney", "wss://entrypoint-finney.opentensor.ai:443",
      "test", "wss://test.finney.opentensor.ai:443",
      "archive", "wss://archive.chain.opentensor.ai:443",
      "local", "ws://127.0.0.1:9944",
      "latent-lite", "wss://lite.sub.latent.to:443");

  @Option(names = "--subtensor.network", paramLabel = "NAME", description = "finney, test, archive, local or latent-lite (env ALPHACORE_NETWORK, BT_NETWORK; default finney).")
  String network;

  @Option(names = "--subtensor.chain_endpoint", paramLabel = "URL", description = "Chain endpoint; wins over --subtensor.network (env ALPHACORE_CHAIN_ENDPOINT).")
  String endpoint;

  @Option(names = "--netuid", paramLabel = "N", description = "Subnet uid (env ALPHACORE_NETUID; default 1).")
  Integer netuid;

  int netuid() {
    if (netuid != null) return netuid;
    String v = env("ALPHACORE_NETUID", "AC_NETUID");
    return v == null ? 1 : Integer.parseInt(v.trim());
  }

  static String env(String... names) {
    for (String n : names) {
      String v = System.getenv(n);
      if (v != null && !v.isBlank()) return v;
    }
    return null;
  }

  /** A human-readable description of the chain chosen (for the startup log; no secrets here). */
  String describe() {
    return "endpoint " + endpointUri();
  }

  URI endpointUri() {
    String e = endpoint != null ? endpoint : env("ALPHACORE_CHAIN_ENDPOINT");
    if (e == null) {
      String n = network != null ? network : env("ALPHACORE_NETWORK", "BT_NETWORK");
      n = n == null ? "finney" : n.toLowerCase(Locale.ROOT);
      e = "local".equals(n) && env("BT_SUBTENSOR_CHAIN_ENDPOINT") != null ? env("BT_SUBTENSOR_CHAIN_ENDPOINT") : NETWORKS.get(n);
      if (e == null) throw new IllegalArgumentException("unknown network '" + n + "' (allowed: " + String.join(", ", NETWORKS.keySet()) + ")");
    }
    return URI.create(e.contains("://") ? e : "ws://" + e);
  }

  Subtensor open() {
    return new RpcSubtensor(endpointUri(), RpcSubtensor.Options.defaults(), Sr25519.standard());
  }
}
