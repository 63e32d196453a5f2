package ai.alphacore.bittensor.wire;

/** Where a dendrite sends a synapse: the metagraph's axon ip/port and the miner's hotkey. */
public record AxonTarget(String ip, int port, String hotkeySs58) {
  /** URL host part; IPv6 literals are bracketed (the Python dendrite forgets to). */
  public String hostForUrl() {
    return ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
  }
}
