package ai.alphacore.neurons.miner;

import java.time.Duration;

/**
 * Miner settings (protocol.md A3, A8.2) with the reference defaults.
 *
 * @param forceValidatorPermit only validators with a permit may call (default true)
 * @param minimumStake TAO a caller needs (default 10 000)
 * @param allowNonRegistered accept callers that are not in the metagraph (default false)
 * @param capacity tasks solved at once; reported in the handshake
 * @param project the cloud project this miner deploys in, declared in the handshake as
 *     {@code gcp_project} (an AlphaCore extension field; Python validators ignore it)
 */
public record MinerConfig(
    int netuid,
    String bindHost,
    int port,
    String externalIp,
    boolean forceValidatorPermit,
    double minimumStake,
    boolean allowNonRegistered,
    int capacity,
    String minerVersion,
    Duration metagraphRefresh,
    long maxZipBytes,
    String project) {

  public static MinerConfig defaults(int netuid) {
    return new MinerConfig(netuid, "0.0.0.0", 8091, null, true, 10_000, false, 1, "alphacore-java", Duration.ofSeconds(60),
        50L << 20, null);
  }

  public MinerConfig withBind(String host, int port, String externalIp) {
    return new MinerConfig(netuid, host, port, externalIp, forceValidatorPermit, minimumStake, allowNonRegistered, capacity,
        minerVersion, metagraphRefresh, maxZipBytes, project);
  }

  public MinerConfig withBlacklist(boolean forcePermit, double minStake, boolean allowNonRegistered) {
    return new MinerConfig(netuid, bindHost, port, externalIp, forcePermit, minStake, allowNonRegistered, capacity,
        minerVersion, metagraphRefresh, maxZipBytes, project);
  }

  public MinerConfig withCapacity(int capacity, String version) {
    return new MinerConfig(netuid, bindHost, port, externalIp, forceValidatorPermit, minimumStake, allowNonRegistered, capacity,
        version, metagraphRefresh, maxZipBytes, project);
  }

  public MinerConfig withProject(String p) {
    return new MinerConfig(netuid, bindHost, port, externalIp, forceValidatorPermit, minimumStake, allowNonRegistered, capacity,
        minerVersion, metagraphRefresh, maxZipBytes, p);
  }

  public MinerConfig withMetagraphRefresh(Duration d) {
    return new MinerConfig(netuid, bindHost, port, externalIp, forceValidatorPermit, minimumStake, allowNonRegistered, capacity,
        minerVersion, d, maxZipBytes, project);
  }
}
