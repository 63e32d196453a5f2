package ai.alphacore.cloud.gcp;

/** What a miner's state entry names: a resource to read, or the reason it cannot count. */
public sealed interface Candidate {
  record Ok(ResourceRef ref) implements Candidate {}

  /** {@code code}: BAD_ID (malformed or missing ids) or NOT_OWNED (named in another project). */
  record Rejected(String code, String message) implements Candidate {}
}
