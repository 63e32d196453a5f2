package ai.alphacore.bittensor.localchain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.chain.AxonInfo;
import ai.alphacore.bittensor.chain.Hyperparams;
import ai.alphacore.bittensor.chain.Metagraph;
import ai.alphacore.bittensor.chain.Neuron;
import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.chain.TxResult;
import ai.alphacore.bittensor.chain.WeightCommit;
import ai.alphacore.bittensor.chain.WeightUtils;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.localchain.ChainState.CommitState;
import ai.alphacore.bittensor.localchain.ChainState.NeuronState;
import ai.alphacore.bittensor.localchain.ChainState.SubnetState;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * An in-process chain behind {@link Subtensor}: subnets, registration, stake, validator permits,
 * serve_axon, tempo/epochs on a simulated block clock, set_weights with subtensor's checks,
 * hash commit-reveal and a simple emission split. Every change is persisted to one JSON file
 * (atomic replace), so a restarted node sees the same chain; the clock resumes at the saved block.
 */
public final class LocalSubtensor implements Subtensor {
  /** Emission per block in rao (1 TAO), split 18% owner, 41% miners (incentive), 41% validators. */
  public static final long DEFAULT_EMISSION_PER_BLOCK_RAO = 1_000_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final ChainState st;
  private final double blockSeconds;
  private final LongSupplier millis;
  private final long emissionPerBlock;
  private final long anchorMillis;
  private final long anchorBlock;

  private LocalSubtensor(Path file, ChainState st, double blockSeconds, LongSupplier millis, long emissionPerBlock) {
    this.file = file;
    this.st = st;
    this.blockSeconds = blockSeconds;
    this.millis = millis;
    this.emissionPerBlock = emissionPerBlock;
    this.anchorMillis = millis.getAsLong();
    this.anchorBlock = st.block;
  }

  /**
   * Opens (or creates) the chain persisted at {@code file}. {@code blockSeconds > 0} runs a wall
   * clock block timer; {@code 0} means blocks only advance through {@link #advanceBlocks}.
   */
  public static LocalSubtensor open(Path file, double blockSeconds) {
    return open(file, blockSeconds, System::currentTimeMillis, DEFAULT_EMISSION_PER_BLOCK_RAO);
  }

  public static LocalSubtensor open(Path file, double blockSeconds, LongSupplier millis, long emissionPerBlockRao) {
    ChainState st = new ChainState();
    if (Files.exists(file)) {
      try {
        st = JSON.readValue(file.toFile(), ChainState.class);
      } catch (IOException e) {
        throw new BittensorException(Code.LOCALCHAIN_IO, "cannot read local chain state " + file + ": " + e.getMessage());
      }
      if (st.formatVersion != 1)
        throw new BittensorException(Code.LOCALCHAIN_IO, "unsupported local chain format " + st.formatVersion);
    }
    LocalSubtensor c = new LocalSubtensor(file, st, blockSeconds, millis, emissionPerBlockRao);
    c.persist();
    return c;
  }

  /** Subnet parameters for {@link #createSubnet}; defaults follow subtensor's. */
  public record SubnetParams(int tempo, int minAllowedWeights, int maxWeightsLimit, long weightsRateLimit,
      boolean commitRevealEnabled, long weightsVersionKey, long revealPeriodEpochs, int maxAllowedUids,
      int maxAllowedValidators, long servingRateLimit, long immunityPeriod) {
    public static SubnetParams defaults() {
      return new SubnetParams(360, 1, 65535, 100, false, 0, 1, 256, 64, 50, 4096);
    }

    public SubnetParams withTempo(int t) {
      return new SubnetParams(t, minAllowedWeights, maxWeightsLimit, weightsRateLimit, commitRevealEnabled, weightsVersionKey, revealPeriodEpochs, maxAllowedUids, maxAllowedValidators, servingRateLimit, immunityPeriod);
    }

    public SubnetParams withWeights(int minAllowed, int maxLimit, long rateLimit, long versionKey) {
      return new SubnetParams(tempo, minAllowed, maxLimit, rateLimit, commitRevealEnabled, versionKey, revealPeriodEpochs, maxAllowedUids, maxAllowedValidators, servingRateLimit, immunityPeriod);
    }

    public SubnetParams withCommitReveal(boolean on, long periodEpochs) {
      return new SubnetParams(tempo, minAllowedWeights, maxWeightsLimit, weightsRateLimit, on, weightsVersionKey, periodEpochs, maxAllowedUids, maxAllowedValidators, servingRateLimit, immunityPeriod);
    }

    public SubnetParams withLimits(int maxUids, int maxValidators, long immunity) {
      return new SubnetParams(tempo, minAllowedWeights, maxWeightsLimit, weightsRateLimit, commitRevealEnabled, weightsVersionKey, revealPeriodEpochs, maxUids, maxValidators, servingRateLimit, immunity);
    }
  }

  public synchronized void createSubnet(int netuid, String ownerColdkey, SubnetParams p) {
    tick();
    if (netuid < 0 || netuid > 65535) throw reject("InvalidNetuid", "netuid must be a u16");
    if (st.subnets.containsKey(netuid)) throw reject("SubnetExists", "subnet " + netuid + " already exists");
    Ss58.decode(ownerColdkey);
    SubnetState s = new SubnetState();
    s.netuid = netuid;
    s.ownerColdkey = ownerColdkey;
    s.tempo = p.tempo();
    s.minAllowedWeights = p.minAllowedWeights();
    s.maxWeightsLimit = p.maxWeightsLimit();
    s.weightsRateLimit = p.weightsRateLimit();
    s.commitRevealEnabled = p.commitRevealEnabled();
    s.weightsVersionKey = p.weightsVersionKey();
    s.revealPeriodEpochs = p.revealPeriodEpochs();
    s.maxAllowedUids = p.maxAllowedUids();
    s.maxAllowedValidators = p.maxAllowedValidators();
    s.servingRateLimit = p.servingRateLimit();
    s.immunityPeriod = p.immunityPeriod();
    st.subnets.put(netuid, s);
    persist();
  }

  /** Manual clock: advance {@code n} blocks, running every epoch that falls in them. */
  public synchronized long advanceBlocks(long n) {
    if (n < 0) throw new IllegalArgumentException("cannot go back in time");
    for (long i = 0; i < n; i++) step();
    persist();
    return st.block;
  }

  @Override
  public synchronized long blockNumber() {
    tick();
    return st.block;
  }

  @Override
  public synchronized boolean subnetExists(int netuid) {
    tick();
    return st.subnets.containsKey(netuid);
  }

  @Override
  public synchronized Hyperparams hyperparams(int netuid) {
    tick();
    SubnetState s = subnet(netuid);
    return new Hyperparams(s.tempo, s.minAllowedWeights, s.maxWeightsLimit, s.weightsRateLimit, s.commitRevealEnabled,
        s.weightsVersionKey, s.revealPeriodEpochs, s.neurons.size());
  }

  @Override
  public synchronized Metagraph metagraph(int netuid) {
    tick();
    SubnetState s = subnet(netuid);
    List<Neuron> ns = new ArrayList<>();
    for (NeuronState n : s.neurons) {
      AxonInfo ax = new AxonInfo(n.axonBlock, n.axonVersion, n.axonIp, n.axonPort, n.axonIpType, 4);
      boolean active = st.block - Math.max(n.lastUpdate, n.registeredAt) <= s.activityCutoff;
      ns.add(new Neuron(n.uid, n.hotkey, n.coldkey, active, ax, n.stakeRao / 1e9, n.incentive / 65535.0, n.dividends / 65535.0,
          n.incentive / 65535.0, n.validatorPermit ? 1.0 : 0.0, n.validatorPermit ? n.dividends / 65535.0 : 0.0,
          n.emissionRao / 1e9, n.lastUpdate, n.validatorPermit));
    }
    return new Metagraph(netuid, st.block, ns);
  }

  /** The weights a neuron last set on chain, by target uid (u16 values as stored); empty if none. */
  public synchronized java.util.Map<Integer, Integer> weightsOf(int netuid, int uid) {
    SubnetState s = subnet(netuid);
    for (NeuronState n : s.neurons) if (n.uid == uid) return new java.util.TreeMap<>(n.weights);
    return java.util.Map.of();
  }

  @Override
  public synchronized Optional<Integer> uid(int netuid, String hotkey) {
    tick();
    return find(subnet(netuid), hotkey).map(n -> n.uid);
  }

  @Override
  public synchronized int register(int netuid, String hotkey, String coldkey) {
    tick();
    SubnetState s = subnet(netuid);
    Ss58.decode(hotkey);
    Ss58.decode(coldkey);
    for (SubnetState other : st.subnets.values())
      for (NeuronState n : other.neurons)
        if (n.hotkey.equals(hotkey) && !n.coldkey.equals(coldkey))
          throw reject("NonAssociatedColdKey", "hotkey " + hotkey + " belongs to another coldkey");
    Optional<NeuronState> existing = find(s, hotkey);
    if (existing.isPresent()) return existing.get().uid;
    NeuronState n;
    if (s.neurons.size() < s.maxAllowedUids) {
      n = new NeuronState();
      n.uid = s.neurons.size();
      s.neurons.add(n);
    } else {
      n = s.neurons.stream()
          .filter(x -> st.block - x.registeredAt > s.immunityPeriod)
          .min(Comparator.<NeuronState>comparingLong(x -> (long) x.incentive + x.dividends).thenComparingLong(x -> x.emissionRao).thenComparing(x -> -x.uid))
          .orElseThrow(() -> reject("NoNeuronIdAvailable", "subnet " + netuid + " is full and every neuron is immune"));
      int uid = n.uid;
      NeuronState fresh = new NeuronState();
      fresh.uid = uid;
      s.neurons.set(uid, fresh);
      for (NeuronState other : s.neurons) other.weights.remove(uid);
      n = fresh;
    }
    n.hotkey = hotkey;
    n.coldkey = coldkey;
    n.registeredAt = st.block;
    n.lastUpdate = st.block;
    updatePermits(s);
    persist();
    return n.uid;
  }

  @Override
  public synchronized void addStake(String coldkey, String hotkey, int netuid, long rao) {
    tick();
    if (rao <= 0) throw reject("StakeToAddIsZero", "stake must be positive");
    SubnetState s = subnet(netuid);
    NeuronState n = find(s, hotkey).orElseThrow(() -> reject("HotKeyNotRegisteredInSubNet", "hotkey not registered on subnet " + netuid));
    if (!n.coldkey.equals(coldkey)) throw reject("NonAssociatedColdKey", "coldkey does not own this hotkey");
    n.stakeRao = Math.addExact(n.stakeRao, rao);
    updatePermits(s);
    persist();
  }

  @Override
  public synchronized TxResult setWeights(Sr25519Keypair hotkey, int netuid, List<Integer> uids, List<Integer> weights, long versionKey) {
    tick();
    if (!st.subnets.containsKey(netuid)) return TxResult.rejected("SubNetworkDoesNotExist", "subnet " + netuid + " does not exist");
    SubnetState s = subnet(netuid);
    if (s.commitRevealEnabled) return TxResult.rejected("CommitRevealEnabled", "subnet " + netuid + " requires commit-reveal");
    TxResult r = applyWeights(s, Ss58.encode(hotkey.publicKey()), uids, weights, versionKey, true);
    persist();
    return r;
  }

  private TxResult applyWeights(SubnetState s, String hk, List<Integer> uids, List<Integer> weights, long versionKey, boolean rateLimited) {
    if (uids.size() != weights.size()) return TxResult.rejected("WeightVecNotEqualSize", "uids and weights differ in length");
    Optional<NeuronState> me = find(s, hk);
    if (me.isEmpty()) return TxResult.rejected("HotKeyNotRegisteredInSubNet", "hotkey " + hk + " is not registered on subnet " + s.netuid);
    NeuronState n = me.get();
    if (n.stakeRao < s.stakeThresholdRao) return TxResult.rejected("NotEnoughStakeToSetWeights", "stake below the weights threshold");
    if (s.weightsVersionKey != 0 && versionKey < s.weightsVersionKey)
      return TxResult.rejected("IncorrectWeightVersionKey", "version_key " + versionKey + " < required " + s.weightsVersionKey);
    if (rateLimited && n.lastUpdate != 0 && st.block - n.lastUpdate < s.weightsRateLimit)
      return TxResult.rejected("SettingWeightsTooFast", "last set at block " + n.lastUpdate + ", rate limit " + s.weightsRateLimit + " blocks");
    boolean selfWeight = uids.size() == 1 && uids.get(0) == n.uid;
    if (!n.validatorPermit && !selfWeight) return TxResult.rejected("NeuronNoValidatorPermit", "uid " + n.uid + " has no validator permit");
    Set<Integer> seen = new HashSet<>();
    for (int u : uids) if (!seen.add(u)) return TxResult.rejected("DuplicateUids", "uid " + u + " appears twice");
    for (int u : uids) if (u < 0 || u >= s.neurons.size()) return TxResult.rejected("UidVecContainInvalidOne", "uid " + u + " does not exist");
    for (int w : weights) if (w < 0 || w > 65535) return TxResult.rejected("InvalidWeight", "weights must be u16");
    if (uids.size() > s.neurons.size()) return TxResult.rejected("UidsLengthExceedUidsInSubNet", "more weights than neurons");
    if (!selfWeight && uids.size() < Math.min(s.neurons.size(), s.minAllowedWeights))
      return TxResult.rejected("WeightVecLengthIsLow", uids.size() + " weights < min allowed " + Math.min(s.neurons.size(), s.minAllowedWeights));
    List<Integer> up = WeightUtils.maxUpscale(weights);
    if (s.maxWeightsLimit != 65535) for (int w : up) if (w > s.maxWeightsLimit) return TxResult.rejected("MaxWeightExceeded", "a weight exceeds the max weight limit");
    n.weights.clear();
    for (int i = 0; i < uids.size(); i++) if (up.get(i) > 0) n.weights.put(uids.get(i), up.get(i));
    n.lastUpdate = st.block;
    return TxResult.ok(txHash("set_weights", hk));
  }

  @Override
  public synchronized TxResult commitWeights(Sr25519Keypair hotkey, int netuid, byte[] commitHash) {
    tick();
    if (!st.subnets.containsKey(netuid)) return TxResult.rejected("SubNetworkDoesNotExist", "subnet " + netuid + " does not exist");
    SubnetState s = subnet(netuid);
    String hk = Ss58.encode(hotkey.publicKey());
    if (!s.commitRevealEnabled) return TxResult.rejected("CommitRevealDisabled", "subnet " + netuid + " does not use commit-reveal");
    if (find(s, hk).isEmpty()) return TxResult.rejected("HotKeyNotRegisteredInSubNet", "hotkey not registered");
    if (commitHash == null || commitHash.length != 32) return TxResult.rejected("InvalidCommitHash", "commit hash must be 32 bytes");
    long pending = s.commits.stream().filter(c -> c.hotkey.equals(hk)).count();
    if (pending >= 10) return TxResult.rejected("TooManyUnrevealedCommits", "10 commits are already pending");
    CommitState c = new CommitState();
    c.hotkey = hk;
    c.hashHex = Hex.encode(commitHash);
    c.block = st.block;
    c.epoch = epochIndex(s);
    s.commits.add(c);
    persist();
    return TxResult.ok(txHash("commit_weights", hk));
  }

  @Override
  public synchronized TxResult revealWeights(Sr25519Keypair hotkey, int netuid, List<Integer> uids, List<Integer> weights, List<Integer> salt, long versionKey) {
    tick();
    if (!st.subnets.containsKey(netuid)) return TxResult.rejected("SubNetworkDoesNotExist", "subnet " + netuid + " does not exist");
    SubnetState s = subnet(netuid);
    String hk = Ss58.encode(hotkey.publicKey());
    if (!s.commitRevealEnabled) return TxResult.rejected("CommitRevealDisabled", "subnet " + netuid + " does not use commit-reveal");
    String h = Hex.encode(WeightCommit.hash(hotkey.publicKey(), netuid, uids, weights, salt, versionKey));
    CommitState c = s.commits.stream().filter(x -> x.hotkey.equals(hk) && x.hashHex.equals(h)).findFirst().orElse(null);
    if (c == null) return TxResult.rejected("InvalidRevealCommitHashNotMatch", "no pending commit matches this reveal");
    long now = epochIndex(s);
    if (now < c.epoch + s.revealPeriodEpochs) return TxResult.rejected("RevealTooEarly", "reveal allowed in epoch " + (c.epoch + s.revealPeriodEpochs));
    if (now > c.epoch + s.revealPeriodEpochs) {
      s.commits.remove(c);
      persist();
      return TxResult.rejected("ExpiredWeightCommit", "the commit expired in epoch " + (c.epoch + s.revealPeriodEpochs));
    }
    TxResult r = applyWeights(s, hk, uids, weights, versionKey, false);
    if (r.success()) s.commits.remove(c);
    persist();
    return r;
  }

  @Override
  public synchronized TxResult serveAxon(Sr25519Keypair hotkey, int netuid, String ip, int port, long version) {
    tick();
    if (!st.subnets.containsKey(netuid)) return TxResult.rejected("SubNetworkDoesNotExist", "subnet " + netuid + " does not exist");
    SubnetState s = subnet(netuid);
    String hk = Ss58.encode(hotkey.publicKey());
    Optional<NeuronState> me = find(s, hk);
    if (me.isEmpty()) return TxResult.rejected("HotKeyNotRegisteredInSubNet", "hotkey not registered on subnet " + netuid);
    if (port <= 0 || port > 65535) return TxResult.rejected("InvalidPort", "port must be 1..65535");
    int ipType;
    try {
      ipType = AxonInfo.ipToInt(ip).bitLength() <= 32 && ip.contains(".") ? 4 : 6;
    } catch (BittensorException e) {
      return TxResult.rejected("InvalidIpAddress", e.getMessage());
    }
    NeuronState n = me.get();
    if (n.axonIp.equals(ip) && n.axonPort == port && n.axonVersion == version) return TxResult.ok(null); // SDK skips identical
    if (n.axonBlock != 0 && st.block - n.axonBlock < s.servingRateLimit)
      return TxResult.rejected("ServingRateLimitExceeded", "served at block " + n.axonBlock + ", limit " + s.servingRateLimit + " blocks");
    n.axonIp = ip;
    n.axonPort = port;
    n.axonVersion = version;
    n.axonIpType = ipType;
    n.axonBlock = Math.max(1, st.block);
    persist();
    return TxResult.ok(txHash("serve_axon", hk));
  }

  @Override
  public synchronized void close() {
    persist();
  }

  // --- clock and epochs ---

  private void tick() {
    if (blockSeconds <= 0) return;
    long target = anchorBlock + (long) ((millis.getAsLong() - anchorMillis) / (blockSeconds * 1000.0));
    if (target <= st.block) return;
    while (st.block < target) step();
    persist();
  }

  private void step() {
    st.block++;
    for (SubnetState s : st.subnets.values())
      if ((st.block + s.netuid + 1) % (s.tempo + 1) == 0) epoch(s);
  }

  private long epochIndex(SubnetState s) {
    return (st.block + s.netuid + 1) / (s.tempo + 1);
  }

  /** Simple Yuma stand-in: stake-weighted weights → incentive; stake of weight-setters → dividends. */
  private void epoch(SubnetState s) {
    long total = emissionPerBlock * (s.tempo + 1L);
    long owner = total * 18 / 100;
    long miners = (total - owner) / 2;
    long validators = total - owner - miners;
    s.ownerEmissionRao += owner;
    int n = s.neurons.size();
    double[] rank = new double[n];
    double[] div = new double[n];
    for (NeuronState v : s.neurons) {
      if (!v.validatorPermit || v.weights.isEmpty() || v.stakeRao <= 0) continue;
      double sum = v.weights.values().stream().mapToDouble(Integer::doubleValue).sum();
      if (sum <= 0) continue;
      for (var e : v.weights.entrySet()) if (e.getKey() < n) rank[e.getKey()] += v.stakeRao * (e.getValue() / sum);
      div[v.uid] = v.stakeRao;
    }
    double rs = sum(rank);
    double ds = sum(div);
    for (NeuronState x : s.neurons) {
      double inc = rs > 0 ? rank[x.uid] / rs : 0;
      double dv = ds > 0 ? div[x.uid] / ds : 0;
      long em = Math.round(miners * inc) + Math.round(validators * dv);
      x.incentive = (int) Math.round(inc * 65535);
      x.dividends = (int) Math.round(dv * 65535);
      x.emissionRao = em;
      x.stakeRao += em;
    }
    updatePermits(s);
  }

  private static double sum(double[] a) {
    double t = 0;
    for (double x : a) t += x;
    return t;
  }

  private static void updatePermits(SubnetState s) {
    List<NeuronState> byStake = new ArrayList<>(s.neurons);
    byStake.sort(Comparator.<NeuronState>comparingLong(x -> -x.stakeRao).thenComparingInt(x -> x.uid));
    Set<Integer> top = new HashSet<>();
    for (NeuronState x : byStake) if (top.size() < s.maxAllowedValidators && x.stakeRao > 0) top.add(x.uid);
    for (NeuronState x : s.neurons) x.validatorPermit = top.contains(x.uid);
  }

  // --- helpers ---

  private SubnetState subnet(int netuid) {
    SubnetState s = st.subnets.get(netuid);
    if (s == null) throw reject("SubNetworkDoesNotExist", "subnet " + netuid + " does not exist");
    return s;
  }

  private static Optional<NeuronState> find(SubnetState s, String hotkey) {
    return s.neurons.stream().filter(n -> hotkey.equals(n.hotkey)).findFirst();
  }

  private String txHash(String what, String hk) {
    return Hex.encode0x(ai.alphacore.bittensor.crypto.Hashes.blake2b256((what + ":" + hk + ":" + st.block + ":" + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static BittensorException reject(String name, String msg) {
    return new BittensorException(Code.CHAIN_REJECTED, name + ": " + msg);
  }

  private void persist() {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".localchain-", ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), st);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new BittensorException(Code.LOCALCHAIN_IO, "cannot write local chain state " + file + ": " + e.getMessage());
    }
  }
}
