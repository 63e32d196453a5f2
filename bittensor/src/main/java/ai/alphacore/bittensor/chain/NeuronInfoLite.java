package ai.alphacore.bittensor.chain;

import ai.alphacore.bittensor.scale.ScaleReader;
import ai.alphacore.bittensor.scale.ScaleWriter;
import ai.alphacore.bittensor.ss58.Ss58;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NeuronInfoLite<AccountId32>} SCALE layout (protocol.md B3.3), the fallback/test-oracle
 * decoder for {@code NeuronInfoRuntimeApi_get_neurons_lite}.
 */
public record NeuronInfoLite(
    byte[] hotkey, byte[] coldkey, int uid, int netuid, boolean active, AxonInfo axon, long stakeRao,
    int rank, long emission, int incentive, int consensus, int trust, int validatorTrust, int dividends,
    long lastUpdate, boolean validatorPermit, int pruningScore) {

  public static List<NeuronInfoLite> decodeVec(byte[] scale) {
    ScaleReader r = new ScaleReader(scale);
    int n = r.length(100);
    List<NeuronInfoLite> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(decode(r));
    r.expectEnd();
    return out;
  }

  static NeuronInfoLite decode(ScaleReader r) {
    byte[] hk = r.raw(32);
    byte[] ck = r.raw(32);
    int uid = (int) r.compact();
    int netuid = (int) r.compact();
    boolean active = r.bool();
    AxonInfo axon = AxonInfo.decode(r);
    r.raw(31); // PrometheusInfo
    int ns = r.length(33);
    long stake = 0;
    for (int i = 0; i < ns; i++) {
      r.raw(32);
      stake = Math.addExact(stake, r.compact());
    }
    int rank = (int) r.compact();
    long emission = r.compact();
    int incentive = (int) r.compact();
    int consensus = (int) r.compact();
    int trust = (int) r.compact();
    int vtrust = (int) r.compact();
    int dividends = (int) r.compact();
    long lastUpdate = r.compact();
    boolean permit = r.bool();
    int pruning = (int) r.compact();
    return new NeuronInfoLite(hk, ck, uid, netuid, active, axon, stake, rank, emission, incentive, consensus, trust, vtrust, dividends, lastUpdate, permit, pruning);
  }

  public void encode(ScaleWriter w) {
    w.raw(hotkey).raw(coldkey).compact(uid).compact(netuid).bool(active).raw(axon.encode()).raw(new byte[31]);
    w.compact(1).raw(coldkey).compact(stakeRao);
    w.compact(rank).compact(emission).compact(incentive).compact(consensus).compact(trust).compact(validatorTrust)
        .compact(dividends).compact(lastUpdate).bool(validatorPermit).compact(pruningScore);
  }

  public Neuron toNeuron() {
    return new Neuron(uid, Ss58.encode(hotkey), Ss58.encode(coldkey), active, axon, stakeRao / 1e9,
        incentive / 65535.0, dividends / 65535.0, consensus / 65535.0, trust / 65535.0, validatorTrust / 65535.0,
        emission / 1e9, lastUpdate, validatorPermit);
  }
}
