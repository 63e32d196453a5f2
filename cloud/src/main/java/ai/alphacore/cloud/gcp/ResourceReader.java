package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Reads one Terraform resource type from the live cloud and rebuilds its state attributes. */
public interface ResourceReader {
  String type();

  /** Ids from a miner state instance's attributes (hostile input: every id is validated). */
  Candidate candidate(JsonNode attributes, String declaredProject);

  /**
   * The attributes the Google provider would write, from live reads only; empty when the resource
   * does not count (not found, forbidden, not owned, no nonce), with the reason recorded in ctx.
   */
  Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault;
}
