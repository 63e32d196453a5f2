package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.metadata.RuntimeMetadata;
import ai.alphacore.bittensor.scale.Era;
import ai.alphacore.bittensor.scale.ScaleReader;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Subtensor} against a real subtensor node over JSON-RPC/WebSocket. Call indices,
 * extensions and storage hashers come from the node's metadata (V15, else V14). Registration
 * and staking need the coldkey and are left to btcli: those methods refuse clearly.
 */
public final class RpcSubtensor implements Subtensor {
  private static final String SM = "SubtensorModule";

  /** Options: era period, whether to wait for inclusion, request timeout. */
  public record Options(Duration requestTimeout, int maxReconnects, int eraPeriod, boolean waitForInclusion, Duration inclusionTimeout) {
    public static Options defaults() {
      return new Options(Duration.ofSeconds(30), 3, 128, false, Duration.ofSeconds(60));
    }

    public Options withWaitForInclusion(boolean w) {
      return new Options(requestTimeout, maxReconnects, eraPeriod, w, inclusionTimeout);
    }
  }

  private final JsonRpcClient rpc;
  private final Options opts;
  private final Sr25519 sr;
  private volatile RuntimeMetadata md;
  private volatile long specVersion = -1;
  private volatile long txVersion;
  private final byte[] genesis;

  public RpcSubtensor(URI endpoint, Options opts, Sr25519 sr) {
    this.rpc = new JsonRpcClient(endpoint, opts.requestTimeout(), opts.maxReconnects());
    this.opts = opts;
    this.sr = sr;
    this.genesis = Hex.decode(rpc.call("chain_getBlockHash", 0).asText());
    refreshRuntime();
  }

  /** Re-reads runtime version and, when it changed, the metadata (runtime upgrades). */
  public synchronized void refreshRuntime() {
    JsonNode v = rpc.call("state_getRuntimeVersion");
    long spec = v.path("specVersion").asLong();
    txVersion = v.path("transactionVersion").asLong();
    if (spec != specVersion || md == null) {
      md = loadMetadata();
      specVersion = spec;
    }
  }

  private RuntimeMetadata loadMetadata() {
    try {
      JsonNode r = rpc.call("state_call", "Metadata_metadata_at_version", "0x0f000000");
      return RuntimeMetadata.fromMetadataAtVersionResult(Hex.decode(r.asText()));
    } catch (BittensorException e) {
      if (e.code() != Code.RPC) throw e;
      return RuntimeMetadata.decode(Hex.decode(rpc.call("state_getMetadata").asText()));
    }
  }

  public RuntimeMetadata metadata() {
    return md;
  }

  @Override
  public long blockNumber() {
    return Long.parseLong(rpc.call("chain_getHeader").path("number").asText().substring(2), 16);
  }

  private Optional<byte[]> storage(String pallet, String item, byte[]... keys) {
    JsonNode r = rpc.call("state_getStorage", Hex.encode0x(StorageKeys.key(md, pallet, item, keys)));
    return r == null || r.isNull() ? Optional.empty() : Optional.of(Hex.decode(r.asText()));
  }

  /** Value or the metadata's declared default (ValueQuery). */
  private ScaleReader value(String item, byte[]... keys) {
    return new ScaleReader(storage(SM, item, keys).orElseGet(() -> md.storage(SM, item).defaultValue()));
  }

  private static byte[] u16(int v) {
    return StorageKeys.u16(v);
  }

  @Override
  public boolean subnetExists(int netuid) {
    return value("NetworksAdded", u16(netuid)).bool();
  }

  @Override
  public Hyperparams hyperparams(int netuid) {
    if (!subnetExists(netuid)) throw new BittensorException(Code.CHAIN_REJECTED, "SubNetworkDoesNotExist: subnet " + netuid);
    return new Hyperparams(
        value("Tempo", u16(netuid)).u16(),
        value("MinAllowedWeights", u16(netuid)).u16(),
        value("MaxWeightsLimit", u16(netuid)).u16(),
        value("WeightsSetRateLimit", u16(netuid)).u64(),
        value("CommitRevealWeightsEnabled", u16(netuid)).bool(),
        value("WeightsVersionKey", u16(netuid)).u64(),
        value("RevealPeriodEpochs", u16(netuid)).u64(),
        value("SubnetworkN", u16(netuid)).u16());
  }

  @Override
  public Optional<Integer> uid(int netuid, String hotkey) {
    return storage(SM, "Uids", u16(netuid), Ss58.decode(hotkey)).map(b -> {
      ScaleReader r = new ScaleReader(b);
      return r.u16();
    });
  }

  @Override
  public Metagraph metagraph(int netuid) {
    long block = blockNumber();
    JsonNode r = rpc.call("state_call", "NeuronInfoRuntimeApi_get_neurons_lite", Hex.encode0x(u16(netuid)));
    byte[] b = Hex.decode(r.asText());
    List<NeuronInfoLite> ns;
    try {
      ns = NeuronInfoLite.decodeVec(b);
    } catch (BittensorException e) {
      // Older runtimes wrapped the result in Vec<u8>.
      ns = NeuronInfoLite.decodeVec(new ScaleReader(b).bytes());
    }
    List<Neuron> out = new ArrayList<>();
    ns.stream().sorted(Comparator.comparingInt(NeuronInfoLite::uid)).forEach(n -> out.add(n.toNeuron()));
    return new Metagraph(netuid, block, out);
  }

  @Override
  public TxResult setWeights(Sr25519Keypair hotkey, int netuid, List<Integer> uids, List<Integer> weights, long versionKey) {
    refreshRuntime();
    if (value("CommitRevealWeightsEnabled", u16(netuid)).bool())
      return TxResult.rejected("CommitRevealV4Unsupported",
          "subnet " + netuid + " requires timelocked commit-reveal (drand), which this client does not implement");
    return submit(hotkey, Calls.setWeights(md, netuid, uids, weights, versionKey));
  }

  @Override
  public TxResult commitWeights(Sr25519Keypair hotkey, int netuid, byte[] commitHash) {
    refreshRuntime();
    return submit(hotkey, Calls.commitWeights(md, netuid, commitHash));
  }

  @Override
  public TxResult revealWeights(Sr25519Keypair hotkey, int netuid, List<Integer> uids, List<Integer> weights, List<Integer> salt, long versionKey) {
    refreshRuntime();
    return submit(hotkey, Calls.revealWeights(md, netuid, uids, weights, salt, versionKey));
  }

  @Override
  public TxResult serveAxon(Sr25519Keypair hotkey, int netuid, String ip, int port, long version) {
    refreshRuntime();
    int ipType = ip.contains(":") ? 6 : 4;
    return submit(hotkey, Calls.serveAxon(md, netuid, version, ip, port, ipType, 4));
  }

  @Override
  public int register(int netuid, String hotkeySs58, String coldkeySs58) {
    throw new BittensorException(Code.UNSUPPORTED, "registration on a live chain needs the coldkey: use btcli subnet register");
  }

  @Override
  public void addStake(String coldkeySs58, String hotkeySs58, int netuid, long rao) {
    throw new BittensorException(Code.UNSUPPORTED, "staking on a live chain needs the coldkey: use btcli stake add");
  }

  /** Signs with era/nonce from the node and submits; pool rejections come back as a failed TxResult. */
  TxResult submit(Sr25519Keypair signer, byte[] call) {
    long finalized = Long.parseLong(rpc.call("chain_getHeader", rpc.call("chain_getFinalizedHead").asText()).path("number").asText().substring(2), 16);
    Era era = Era.mortal(finalized, opts.eraPeriod());
    byte[] birthHash = Hex.decode(rpc.call("chain_getBlockHash", era.birth(finalized)).asText());
    long nonce = rpc.call("account_nextIndex", Ss58.encode(signer.publicKey())).asLong();
    Extrinsics.Built b = Extrinsics.build(md, call, signer,
        new Extrinsics.SigningContext(nonce, BigInteger.ZERO, era, specVersion, txVersion, genesis, birthHash), sr);
    String xt = Hex.encode0x(b.extrinsic());
    try {
      if (!opts.waitForInclusion()) {
        return TxResult.ok(rpc.call("author_submitExtrinsic", xt).asText());
      }
      CompletableFuture<TxResult> done = new CompletableFuture<>();
      String sub = rpc.subscribe("author_submitAndWatchExtrinsic", ev -> {
        if (ev.has("inBlock") || ev.has("finalized")) done.complete(TxResult.ok(Hex.encode0x(b.txHash())));
        else if (ev.has("invalid") || ev.has("dropped") || ev.has("usurped") || (ev.isTextual() && ev.asText().equals("invalid")))
          done.complete(TxResult.rejected("TransactionInvalid", "transaction " + ev));
      }, xt);
      try {
        return done.get(opts.inclusionTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return TxResult.rejected("InclusionTimeout", "not included within " + opts.inclusionTimeout().toSeconds() + " s");
      } catch (Exception e) {
        return TxResult.rejected("InclusionWaitFailed", String.valueOf(e.getMessage()));
      } finally {
        rpc.unsubscribe("author_unwatchExtrinsic", sub);
      }
    } catch (BittensorException e) {
      if (e.code() == Code.RPC) return TxResult.rejected("PoolRejected", e.getMessage());
      throw e;
    }
  }

  @Override
  public void close() {
    rpc.close();
  }
}
