package ai.alphacore.bittensor.localchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The local chain's persisted state (plain Jackson beans: the file format is this shape). */
final class ChainState {
  public int formatVersion = 1;
  public long block;
  public Map<Integer, SubnetState> subnets = new TreeMap<>();

  static final class SubnetState {
    public int netuid;
    public String ownerColdkey;
    public int tempo = 360;
    public int minAllowedWeights = 1;
    public int maxWeightsLimit = 65535;
    public long weightsRateLimit = 100;
    public boolean commitRevealEnabled;
    public long weightsVersionKey;
    public long revealPeriodEpochs = 1;
    public int maxAllowedUids = 256;
    public int maxAllowedValidators = 64;
    public long servingRateLimit = 50;
    public long immunityPeriod = 4096;
    public long activityCutoff = 5000;
    public long stakeThresholdRao;
    public long ownerEmissionRao;
    public List<NeuronState> neurons = new ArrayList<>();
    public List<CommitState> commits = new ArrayList<>();
  }

  static final class NeuronState {
    public int uid;
    public String hotkey;
    public String coldkey;
    public long stakeRao;
    public long registeredAt;
    public long lastUpdate;
    public boolean validatorPermit;
    public int incentive;
    public int dividends;
    public long emissionRao;
    public Map<Integer, Integer> weights = new TreeMap<>();
    public String axonIp = "0.0.0.0";
    public int axonPort;
    public long axonVersion;
    public int axonIpType = 4;
    public long axonBlock;
  }

  static final class CommitState {
    public String hotkey;
    public String hashHex;
    public long block;
    public long epoch;
  }
}
