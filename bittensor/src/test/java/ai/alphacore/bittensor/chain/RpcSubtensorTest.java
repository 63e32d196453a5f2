package ai.alphacore.bittensor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.metadata.RuntimeMetadata;
import ai.alphacore.bittensor.scale.ScaleWriter;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RpcSubtensor against a loopback WebSocket node answering from the spec's byte layouts. */
class RpcSubtensorTest {
  static final Sr25519 SR = Sr25519.standard();
  static final JsonNode SHORT = Vectors.json("scale.json").get("signed_extrinsics").get(0);
  final Sr25519Keypair validatorA = SR.fromMiniSecret(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  final Sr25519Keypair minerB = SR.fromMiniSecret("12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII));
  FakeSubtensorNode node;
  RuntimeMetadata md;
  final Map<String, String> storage = new ConcurrentHashMap<>();
  final AtomicReference<String> submitted = new AtomicReference<>();

  static String blockHash(long n) {
    return Hex.encode0x(Hashes.blake2b256(("block " + n).getBytes(StandardCharsets.US_ASCII)));
  }

  void put(String item, byte[] value, byte[]... keys) {
    storage.put(Hex.encode0x(StorageKeys.key(md, "SubtensorModule", item, keys)), Hex.encode0x(value));
  }

  @BeforeEach
  void start() throws Exception {
    String mdHex = Files.readString(Vectors.dir().resolve("metadata/subtensor-metadata-v15-spec343.hex")).trim();
    md = RuntimeMetadata.fromMetadataAtVersionResult(Hex.decode(mdHex));
    node = new FakeSubtensorNode();
    long head = SHORT.at("/era/current_block").asLong();
    node.handlers.put("chain_getBlockHash", p -> p.get(0).asLong() == 0 ? SHORT.get("genesis_hash").asText() : blockHash(p.get(0).asLong()));
    node.handlers.put("chain_getHeader", p -> Map.of("number", "0x" + Long.toHexString(head)));
    node.handlers.put("chain_getFinalizedHead", p -> blockHash(head));
    node.handlers.put("state_getRuntimeVersion", p -> Map.of("specVersion", 343, "transactionVersion", 1));
    node.handlers.put("state_call", p -> switch (p.get(0).asText()) {
      case "Metadata_metadata_at_version" -> mdHex.startsWith("0x") ? mdHex : "0x" + mdHex;
      case "NeuronInfoRuntimeApi_get_neurons_lite" -> neuronsLite();
      default -> throw new FakeSubtensorNode.RpcError(-32000, "unknown runtime api", null);
    });
    node.handlers.put("state_getStorage", p -> storage.get(p.get(0).asText()));
    node.handlers.put("account_nextIndex", p -> SHORT.get("nonce").asInt());
    node.handlers.put("author_submitExtrinsic", p -> {
      submitted.set(p.get(0).asText());
      return Hex.encode0x(Hashes.blake2b256(Hex.decode(p.get(0).asText())));
    });
    put("NetworksAdded", new byte[] {1}, StorageKeys.u16(1));
    put("Tempo", new ScaleWriter().u16(99).toByteArray(), StorageKeys.u16(1));
    put("WeightsSetRateLimit", new ScaleWriter().u64(100).toByteArray(), StorageKeys.u16(1));
    put("SubnetworkN", new ScaleWriter().u16(2).toByteArray(), StorageKeys.u16(1));
    put("Uids", new ScaleWriter().u16(0).toByteArray(), StorageKeys.u16(1), validatorA.publicKey());
    put("CommitRevealWeightsEnabled", new byte[] {0}, StorageKeys.u16(1)); // the runtime default is true
  }

  String neuronsLite() {
    ScaleWriter w = new ScaleWriter().compact(2);
    new NeuronInfoLite(validatorA.publicKey(), minerB.publicKey(), 0, 1, true, AxonInfo.UNSERVED, 5_000_000_000_000L,
        0, 0, 0, 0, 0, 65535, 65535, 4999000, true, 0).encode(w);
    new NeuronInfoLite(minerB.publicKey(), minerB.publicKey(), 1, 1, true, new AxonInfo(4999990, 10002000, "203.0.113.7", 8091, 4, 4), 1_000_000_000L,
        0, 123_000_000, 65535, 0, 0, 0, 0, 4998000, false, 0).encode(w);
    return Hex.encode0x(w.toByteArray());
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  RpcSubtensor client() {
    return new RpcSubtensor(URI.create(node.url()), RpcSubtensor.Options.defaults(), SR);
  }

  @Test
  void readsBlockHyperparamsUidAndMetagraph() {
    try (RpcSubtensor c = client()) {
      assertThat(c.blockNumber()).isEqualTo(5000123);
      Hyperparams h = c.hyperparams(1);
      assertThat(h.tempo()).isEqualTo(99);
      assertThat(h.weightsRateLimit()).isEqualTo(100);
      assertThat(h.subnetworkN()).isEqualTo(2);
      assertThat(h.commitRevealEnabled()).isFalse();
      assertThat(h.minAllowedWeights()).isEqualTo(new ai.alphacore.bittensor.scale.ScaleReader(md.storage("SubtensorModule", "MinAllowedWeights").defaultValue()).u16());
      assertThat(c.blocksUntilNextEpoch(1)).isEqualTo(99 - ((5000123 + 1 + 1) % 100));
      assertThat(c.uid(1, Ss58.encode(validatorA.publicKey()))).hasValue(0);
      assertThat(c.uid(1, Ss58.encode(minerB.publicKey()))).isEmpty();
      assertThatThrownBy(() -> c.hyperparams(2)).isInstanceOf(BittensorException.class).hasMessageContaining("SubNetworkDoesNotExist");
      Metagraph m = c.metagraph(1);
      assertThat(m.n()).isEqualTo(2);
      assertThat(m.neurons().get(0).hotkey()).isEqualTo("5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu");
      assertThat(m.neurons().get(0).validatorPermit()).isTrue();
      assertThat(m.neurons().get(0).stakeTao()).isEqualTo(5000.0);
      assertThat(m.neurons().get(1).axon().ip()).isEqualTo("203.0.113.7");
      assertThat(m.neurons().get(1).axon().port()).isEqualTo(8091);
      assertThat(m.neurons().get(1).incentive()).isEqualTo(1.0);
      assertThatThrownBy(() -> c.register(1, "x", "y")).isInstanceOf(BittensorException.class)
          .extracting(e -> ((BittensorException) e).code()).isEqualTo(BittensorException.Code.UNSUPPORTED);
    }
  }

  @Test
  void setWeightsSubmitsTheSpecExtrinsic() {
    try (RpcSubtensor c = client()) {
      TxResult r = c.setWeights(validatorA, 1, List.of(0, 5), List.of(65535, 7282), 1000);
      assertThat(r.success()).as(r.message()).isTrue();
      byte[] ours = Hex.decode(submitted.get());
      byte[] theirs = Vectors.hex(SHORT.get("extrinsic"));
      int off = SHORT.get("signature_offset_in_extrinsic").asInt();
      byte[] sig = java.util.Arrays.copyOfRange(ours, off, off + 64);
      assertThat(SR.verify(validatorA.publicKey(), Vectors.hex(SHORT.get("signed_bytes")), sig)).isTrue();
      System.arraycopy(Vectors.hex(SHORT.get("signature")), 0, ours, off, 64);
      assertThat(Hex.encode(ours)).isEqualTo(Hex.encode(theirs));
      assertThat(r.txHash()).isEqualTo(Hex.encode0x(Hashes.blake2b256(Hex.decode(submitted.get()))));
    }
  }

  @Test
  void chainRejectionsAndCommitRevealAreClear() {
    node.handlers.put("author_submitExtrinsic", p -> {
      throw new FakeSubtensorNode.RpcError(1010, "Invalid Transaction", "Custom error: 6");
    });
    try (RpcSubtensor c = client()) {
      TxResult r = c.setWeights(validatorA, 1, List.of(0), List.of(65535), 1000);
      assertThat(r.success()).isFalse();
      assertThat(r.error()).isEqualTo("PoolRejected");
      assertThat(r.message()).contains("1010").contains("Invalid Transaction").contains("Custom error: 6");
      put("CommitRevealWeightsEnabled", new byte[] {1}, StorageKeys.u16(1));
      TxResult cr = c.setWeights(validatorA, 1, List.of(0), List.of(65535), 1000);
      assertThat(cr.error()).isEqualTo("CommitRevealV4Unsupported");
    }
  }

  @Test
  void submitAndWaitForInclusion() {
    node.handlers.put("author_submitAndWatchExtrinsic", p -> "sub-1");
    node.handlers.put("author_unwatchExtrinsic", p -> true);
    node.after.put("author_submitAndWatchExtrinsic", p -> {
      ObjectNode ready = FakeSubtensorNode.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "author_extrinsicUpdate");
      ready.putObject("params").put("subscription", "sub-1").put("result", "ready");
      ObjectNode inBlock = FakeSubtensorNode.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "author_extrinsicUpdate");
      inBlock.putObject("params").put("subscription", "sub-1").putObject("result").put("inBlock", blockHash(5000124));
      return List.of(ready, inBlock);
    });
    try (RpcSubtensor c = new RpcSubtensor(URI.create(node.url()), RpcSubtensor.Options.defaults().withWaitForInclusion(true), SR)) {
      TxResult r = c.serveAxon(minerB, 66, "203.0.113.7", 8091, 10002000);
      assertThat(r.success()).as(r.message()).isTrue();
      assertThat(node.calls).contains("author_submitAndWatchExtrinsic", "author_unwatchExtrinsic");
    }
  }

  @Test
  void reconnectsAfterTheNodeDropsAndTimesOut() throws Exception {
    try (RpcSubtensor c = client()) {
      assertThat(c.blockNumber()).isEqualTo(5000123);
      node.dropConnections();
      Thread.sleep(1000);
      assertThat(c.blockNumber()).isEqualTo(5000123);
      assertThat(c.hyperparams(1).tempo()).isEqualTo(99);
    }
    node.handlers.put("slow", p -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 1;
    });
    try (JsonRpcClient rpc = new JsonRpcClient(URI.create(node.url()), Duration.ofMillis(300), 0)) {
      assertThatThrownBy(() -> rpc.call("slow")).isInstanceOf(BittensorException.class)
          .extracting(e -> ((BittensorException) e).code()).isEqualTo(BittensorException.Code.RPC_TIMEOUT);
      assertThatThrownBy(() -> rpc.call("nope")).hasMessageContaining("-32601");
    }
    assertThatThrownBy(() -> new JsonRpcClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1), 0))
        .hasMessageContaining("ws://");
  }
}
