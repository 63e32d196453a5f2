package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.metadata.RuntimeMetadata;
import ai.alphacore.bittensor.scale.ScaleWriter;
import java.util.List;

/** SubtensorModule call data, with indices looked up in the runtime metadata. */
public final class Calls {
  private Calls() {}

  public static byte[] setWeights(RuntimeMetadata md, int netuid, List<Integer> dests, List<Integer> weights, long versionKey) {
    ScaleWriter w = head(md, "set_weights", "netuid", "dests", "weights", "version_key");
    return w.u16(netuid).vecU16(dests).vecU16(weights).u64(versionKey).toByteArray();
  }

  public static byte[] setMechanismWeights(RuntimeMetadata md, int netuid, int mecid, List<Integer> dests, List<Integer> weights, long versionKey) {
    ScaleWriter w = head(md, "set_mechanism_weights", "netuid", "mecid", "dests", "weights", "version_key");
    return w.u16(netuid).u8(mecid).vecU16(dests).vecU16(weights).u64(versionKey).toByteArray();
  }

  public static byte[] commitWeights(RuntimeMetadata md, int netuid, byte[] commitHash) {
    ScaleWriter w = head(md, "commit_weights", "netuid", "commit_hash");
    return w.u16(netuid).raw(commitHash).toByteArray();
  }

  public static byte[] revealWeights(RuntimeMetadata md, int netuid, List<Integer> uids, List<Integer> values, List<Integer> salt, long versionKey) {
    ScaleWriter w = head(md, "reveal_weights", "netuid", "uids", "values", "salt", "version_key");
    return w.u16(netuid).vecU16(uids).vecU16(values).vecU16(salt).u64(versionKey).toByteArray();
  }

  public static byte[] serveAxon(RuntimeMetadata md, int netuid, long version, String ip, int port, int ipType, int protocol) {
    ScaleWriter w = head(md, "serve_axon", "netuid", "version", "ip", "port", "ip_type", "protocol", "placeholder1", "placeholder2");
    return w.u16(netuid).u32(version).u128(AxonInfo.ipToInt(ip)).u16(port).u8(ipType).u8(protocol).u8(0).u8(0).toByteArray();
  }

  /** Writes the two index bytes after checking the argument names the encoder assumes. */
  private static ScaleWriter head(RuntimeMetadata md, String call, String... args) {
    RuntimeMetadata.CallInfo c = md.call("SubtensorModule", call);
    List<String> names = c.args().stream().map(RuntimeMetadata.Field::name).toList();
    if (!names.equals(List.of(args)))
      throw new BittensorException(Code.METADATA, "SubtensorModule." + call + " arguments changed in this runtime: " + names);
    return new ScaleWriter().u8(c.palletIndex()).u8(c.callIndex());
  }
}
