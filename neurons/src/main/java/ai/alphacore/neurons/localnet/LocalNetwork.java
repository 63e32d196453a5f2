package ai.alphacore.neurons.localnet;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.localchain.LocalSubtensor;
import ai.alphacore.bittensor.ss58.Ss58;
import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.verify.GcpVerifier;
import ai.alphacore.neurons.miner.MinerConfig;
import ai.alphacore.neurons.miner.MinerNode;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.miner.TaskSolver;
import ai.alphacore.neurons.miner.agent.AgentConfig;
import ai.alphacore.neurons.miner.agent.ReferenceAgent;
import ai.alphacore.neurons.miner.agent.SloppyAgent;
import ai.alphacore.neurons.validator.ValidatorConfig;
import ai.alphacore.neurons.validator.ValidatorNode;
import ai.alphacore.neurons.validator.evaluation.ValidationApiEvaluator;
import ai.alphacore.neurons.validator.round.RoundResult;
import ai.alphacore.neurons.validator.round.TaskSource;
import ai.alphacore.neurons.validator.weights.WeightEmitter;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.provider.GcpProvider;
import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.ValidationService;
import ai.alphacore.validation.client.ValidationApiClient;
import ai.alphacore.validation.verification.GcpApiVerification;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole subnet on loopback, in one process: the local chain, cloudsim with per-miner
 * projects and tokens, the Validation API verifying against cloudsim ({@code gcp-api}: no
 * miner code runs), one validator and N miners. Everything binds 127.0.0.1.
 */
public final class LocalNetwork implements AutoCloseable {
  static final int NETUID = 1;
  static final String VALIDATOR_MEMBER = "serviceAccount:validator@localnet.iam.gserviceaccount.com";
  private static final Sr25519 SR = Sr25519.standard();

  /** One miner of the network, as the report shows it. */
  public record Miner(int uid, String hotkey, AgentKind kind, String project, MinerNode node) {}

  private final LocalnetConfig config;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<Miner> miners = new ArrayList<>();
  private LocalSubtensor chain;
  private CloudSim cloud;
  private ValidationService api;
  private ValidatorNode validator;
  private int validatorUid;
  private int tempo = 10;

  private LocalNetwork(LocalnetConfig config) {
    this.config = config;
  }

  public static LocalNetwork start(LocalnetConfig config) throws Exception {
    LocalNetwork n = new LocalNetwork(config);
    try {
      n.boot();
      return n;
    } catch (Exception | Error e) {
      n.close();
      throw e;
    }
  }

  private Sr25519Keypair key(String role, int i) throws Exception {
    byte[] seed = MessageDigest.getInstance("SHA-256")
        .digest(("alphacore-localnet/" + config.seed() + "/" + role + "/" + i).getBytes(StandardCharsets.UTF_8));
    return SR.fromMiniSecret(seed);
  }

  private static String ss(Sr25519Keypair k) {
    return Ss58.encode(k.publicKey());
  }

  private byte[] salt;

  /**
   * A bearer token for one principal of this network: unguessable (a random salt kept in the
   * data directory, mode 600) yet the same on every run over that directory, so a restarted
   * network still owns the projects it created.
   */
  private String token(String role, int i) throws Exception {
    if (salt == null) {
      Path f = config.dataDir().resolve("localnet.salt");
      if (Files.exists(f)) {
        salt = Files.readAllBytes(f);
      } else {
        salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        Files.write(f, salt);
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
    }
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(salt);
    return HexFormat.of().formatHex(d.digest((role + "/" + i).getBytes(StandardCharsets.UTF_8)));
  }

  private void boot() throws Exception {
    Path dir = config.dataDir();
    Files.createDirectories(dir);
    Sr25519Keypair owner = key("owner", 0);
    Sr25519Keypair validatorKey = key("validator", 0);
    chain = LocalSubtensor.open(dir.resolve("chain.json"), 0);
    open.add(chain);
    if (!chain.subnetExists(NETUID)) {
      chain.createSubnet(NETUID, ss(owner), LocalSubtensor.SubnetParams.defaults().withTempo(tempo).withWeights(1, 65535, 0, 0));
      chain.advanceBlocks(1);
      chain.register(NETUID, ss(owner), ss(owner)); // uid 0: the burn uid
    } else {
      // A restart over a kept data directory: simulated time has passed since the last run, so
      // the miners may announce their new axon ports (serve_axon is rate-limited per block).
      chain.advanceBlocks(100);
    }
    tempo = chain.tempo(NETUID);
    validatorUid = chain.uid(NETUID, ss(validatorKey)).orElseGet(() -> chain.register(NETUID, ss(validatorKey), ss(owner)));
    if (chain.metagraph(NETUID).neurons().get(validatorUid).stakeTao() < 10_000) {
      chain.addStake(ss(owner), ss(validatorKey), NETUID, 20_000L * 1_000_000_000L);
    }
    say("chain      local, netuid %d, tempo %d blocks, validator uid %d (%s)", NETUID, tempo, validatorUid, ss(validatorKey));

    cloud = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir.resolve("cloudsim"), true));
    open.add(cloud);
    String validatorCloudToken = token("validator-cloud", 0);
    cloud.addPrincipal(validatorCloudToken, VALIDATOR_MEMBER);
    say("cloudsim   %s (IAM on: each miner sees only its own project)", cloud.baseUri());

    ApiConfig.Builder b = ApiConfig.builder(dir.resolve("validation-api"));
    b.port = 0;
    b.token = token("validation-api", 0);
    b.archiveRoot = dir;
    b.workers = 2;
    b.verification = GcpApiVerification.NAME;
    GcpApiVerification verification = new GcpApiVerification(new GcpVerifier(new GcpHttp(GcpEndpoints.single(cloud.baseUri()),
        new StaticTokenSource(validatorCloudToken, "localnet validator token"))));
    api = new ValidationService(b.build(), Clock.systemUTC(), verification).bind().initialize();
    open.add(api);
    URI apiUri = URI.create("http://127.0.0.1:" + api.port());
    say("validation http://127.0.0.1:%d (verification gcp-api: resources read from cloudsim, no miner code runs)", api.port());

    Map<String, String> projects = new HashMap<>();
    AtomicReference<byte[]> latestReferenceZip = new AtomicReference<>();
    for (int i = 0; i < config.miners(); i++) {
      AgentKind kind = AgentKind.forIndex(i);
      Sr25519Keypair mk = key("miner", i);
      int uid = chain.uid(NETUID, ss(mk)).orElseGet(() -> chain.register(NETUID, ss(mk), ss(owner)));
      String project = String.format("localnet-miner-%03d", i);
      String token = token("miner-cloud", i);
      cloud.addPrincipal(token, "user:miner-" + i + "@localnet.example");
      CloudOnboarding.createProject(cloud.baseUri(), token, project, VALIDATOR_MEMBER);
      projects.put(ss(mk), project);
      MinerNode node = null;
      if (kind == AgentKind.OFFLINE) {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
          closed = s.getLocalPort();
        }
        chain.serveAxon(mk, NETUID, "127.0.0.1", closed, 0); // announced, but nothing listens
      } else {
        AgentConfig ac = AgentConfig.cloudsim(project, cloud.baseUri(), token, dir.resolve("agents").resolve(project), ss(mk));
        TaskSolver solver = switch (kind) {
          case REFERENCE -> {
            ReferenceAgent agent = new ReferenceAgent(ac);
            yield req -> {
              Submission s = agent.solve(req);
              if (s.workspaceZip() != null) latestReferenceZip.set(s.workspaceZip());
              return s;
            };
          }
          case SLOPPY -> new SloppyAgent(ac);
          case COPYCAT -> req -> {
            Thread.sleep(200); // let the reference miner answer first
            byte[] z = latestReferenceZip.get();
            return z == null ? Submission.none("nothing to copy yet") : new Submission(z, "copied");
          };
          default -> throw new IllegalStateException();
        };
        node = new MinerNode(mk, chain, solver, MinerConfig.defaults(NETUID).withBind("127.0.0.1", 0, "127.0.0.1")
            .withProject(project).withCapacity(2, "alphacore-java/" + kind.wire())).start();
        open.add(node);
      }
      miners.add(new Miner(uid, ss(mk), kind, project, node));
      say("miner      uid %d %-9s project %s %s", uid, kind.wire(), project, node == null ? "(offline)" : "127.0.0.1:" + node.port());
    }

    TaskGenerator gen = new TaskGenerator(new GcpProvider(), new ConfigLoader(new GcpProvider(),
        Map.of("ALPHACORE_VALIDATOR_SA", VALIDATOR_MEMBER.substring("serviceAccount:".length()))).loadDefault());
    ValidatorConfig vc = ValidatorConfig.fromEnv(Map.of("ALPHACORE_LATENCY_SCORING_ENABLED", "true"), NETUID, dir.resolve("validator"))
        .withTimeouts(10, 120, 10, 10).withWeightsMinTasks(1);
    ValidatorNode v = new ValidatorNode(validatorKey, chain,
        new ValidationApiEvaluator(new ValidationApiClient(apiUri, b.token), Duration.ofSeconds(120)),
        new TaskSource(gen, Selection.ANY, config.seed()), vc, new Progress(config.out(), this), h -> Optional.ofNullable(projects.get(h)));
    validator = v;
    open.add(v);
  }

  void say(String fmt, Object... args) {
    if (config.out() != null) config.out().println(String.format(fmt, args));
  }

  public List<Miner> miners() {
    return List.copyOf(miners);
  }

  Optional<Miner> miner(int uid) {
    return miners.stream().filter(m -> m.uid() == uid).findFirst();
  }

  /** One round, then the chain moves to the next epoch and the validator sets its weights. */
  public RoundOutcome round(int k) {
    long t0 = System.nanoTime();
    RoundResult r = validator.runRound();
    chain.advanceBlocks(tempo);
    Optional<WeightEmitter.Emission> e = validator.emitWeights();
    Map<Integer, Integer> weights = chain.weightsOf(NETUID, validatorUid);
    return new RoundOutcome(k, r, e.orElse(null), weights, (System.nanoTime() - t0) / 1e9);
  }

  /** A round with what the chain holds after it. */
  public record RoundOutcome(int index, RoundResult result, WeightEmitter.Emission emission, Map<Integer, Integer> chainWeights,
      double seconds) {}

  @Override
  public void close() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
