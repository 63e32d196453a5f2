package ai.alphacore.cli.neuron;

import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.neurons.miner.MinerConfig;
import ai.alphacore.neurons.miner.MinerNode;
import ai.alphacore.neurons.miner.TaskSolver;
import ai.alphacore.neurons.miner.agent.AgentConfig;
import ai.alphacore.neurons.miner.agent.ReferenceAgent;
import ai.alphacore.neurons.miner.agent.SloppyAgent;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore miner}: an axon serving the four AlphaCore synapses with an agent. */
@Command(name = "miner", mixinStandardHelpOptions = true,
    description = {"Run a miner: serve the AlphaCore synapses on an axon, announce it on chain, solve tasks with an agent.",
        "The reference agent deploys on a GCP-compatible endpoint (cloudsim) or, with --agent.terraform, on Google Cloud."})
public final class MinerCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin WalletOptions wallet = new WalletOptions();
  @Mixin ChainOptions chain = new ChainOptions();

  @Option(names = "--axon.port", paramLabel = "PORT", description = "Axon port (env ALPHACORE_AXON_PORT, BT_AXON_PORT; default 8091).")
  Integer port;

  @Option(names = "--axon.ip", paramLabel = "IP", description = "Bind address (env ALPHACORE_AXON_IP; default 0.0.0.0).")
  String bind;

  @Option(names = "--axon.external_ip", paramLabel = "IP", description = "Address announced on chain (env ALPHACORE_AXON_EXTERNAL_IP; default the bind address).")
  String externalIp;

  @Option(names = "--blacklist.allow_non_registered", description = "Accept callers not in the metagraph (env ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED).")
  Boolean allowNonRegistered;

  @Option(names = "--no-blacklist.force_validator_permit", description = "Accept callers without a validator permit.")
  boolean noForcePermit;

  @Option(names = "--blacklist.minimum_stake_requirement", paramLabel = "TAO", description = "Stake a caller needs (env ALPHACORE_BLACKLIST_MINIMUM_STAKE; default 10000).")
  Double minStake;

  @Option(names = "--agent", defaultValue = "reference", description = "reference or sloppy (default ${DEFAULT-VALUE}).")
  String agent;

  @Option(names = "--agent.project", paramLabel = "ID", description = "Your cloud project (env ALPHACORE_MINER_PROJECT); declared to validators in the handshake.")
  String project;

  @Option(names = "--agent.endpoint", paramLabel = "URL", description = "GCP-compatible API to deploy on, e.g. cloudsim (env ALPHACORE_MINER_CLOUD_ENDPOINT); token from ALPHACORE_MINER_CLOUD_TOKEN.")
  URI endpoint;

  @Option(names = "--agent.terraform", paramLabel = "BIN", description = "Deploy on Google Cloud with this terraform binary (token from GOOGLE_OAUTH_ACCESS_TOKEN or --agent.creds).")
  Path terraform;

  @Option(names = "--agent.creds", paramLabel = "FILE", description = "Service-account key for terraform mode (GOOGLE_APPLICATION_CREDENTIALS).")
  Path creds;

  @Option(names = "--agent.work-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}/alphacore-miner", description = "Per-task workspaces (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--capacity", defaultValue = "1", description = "Tasks solved at once (default ${DEFAULT-VALUE}).")
  int capacity;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    String proj = project != null ? project : ChainOptions.env("ALPHACORE_MINER_PROJECT");
    if (proj == null) {
      err.println("error: --agent.project (or ALPHACORE_MINER_PROJECT) is required: the cloud project you deploy in");
      return 2;
    }
    Sr25519Keypair hotkey = wallet.hotkeyPair();
    AgentConfig ac;
    try {
      if (terraform != null) {
        ac = AgentConfig.terraform(proj, terraform, ChainOptions.env("GOOGLE_OAUTH_ACCESS_TOKEN"), creds, workDir, wallet.wallet().hotkeySs58());
      } else {
        URI ep = endpoint != null ? endpoint : uri(ChainOptions.env("ALPHACORE_MINER_CLOUD_ENDPOINT"));
        ac = AgentConfig.cloudsim(proj, ep, ChainOptions.env("ALPHACORE_MINER_CLOUD_TOKEN"), workDir, wallet.wallet().hotkeySs58());
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + " (see alphacore miner --help)");
      return 2;
    }
    TaskSolver solver = switch (agent) {
      case "reference" -> new ReferenceAgent(ac);
      case "sloppy" -> new SloppyAgent(ac);
      default -> null;
    };
    if (solver == null) {
      err.println("error: unknown --agent '" + agent + "' (allowed: reference, sloppy)");
      return 2;
    }
    MinerConfig mc = MinerConfig.defaults(chain.netuid())
        .withBind(bind != null ? bind : orEnv("ALPHACORE_AXON_IP", "0.0.0.0"), port != null ? port : Integer.parseInt(orEnv("ALPHACORE_AXON_PORT", orEnv("BT_AXON_PORT", "8091"))),
            externalIp != null ? externalIp : ChainOptions.env("ALPHACORE_AXON_EXTERNAL_IP", "BT_AXON_EXTERNAL_IP"))
        .withBlacklist(!noForcePermit, minStake != null ? minStake : Double.parseDouble(orEnv("ALPHACORE_BLACKLIST_MINIMUM_STAKE", "10000")),
            allowNonRegistered != null ? allowNonRegistered : Boolean.parseBoolean(orEnv("ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED", "false")))
        .withCapacity(capacity, "alphacore-java/" + agent).withProject(proj);
    err.println("alphacore miner: hotkey " + wallet.wallet().hotkeySs58() + ", netuid " + mc.netuid() + ", " + chain.describe()
        + ", agent " + agent + " (" + ac + ")");
    try (Subtensor st = chain.open(); MinerNode node = new MinerNode(hotkey, st, solver, mc)) {
      if (st.uid(mc.netuid(), wallet.wallet().hotkeySs58()).isEmpty()) {
        err.println("error: hotkey " + wallet.wallet().hotkeySs58() + " is not registered on netuid " + mc.netuid() + "; register it first (btcli subnet register)");
        return 2;
      }
      node.start();
      err.println("alphacore miner: axon on " + mc.bindHost() + ":" + node.port() + "; Ctrl-C stops");
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }

  private static URI uri(String s) {
    return s == null ? null : URI.create(s);
  }

  private static String orEnv(String name, String d) {
    String v = ChainOptions.env(name);
    return v == null ? d : v;
  }
}
