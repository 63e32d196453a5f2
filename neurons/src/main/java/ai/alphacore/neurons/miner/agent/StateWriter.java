package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * terraform.tfstate, format version 4, as Terraform 1.x with hashicorp/google writes it: one
 * managed resource per planned resource at the address main.tf gives it, the provider's schema
 * versions, dependencies from the references, sensitive attributes marked.
 */
public final class StateWriter {
  static final String TERRAFORM_VERSION = "1.11.4";
  static final String PROVIDER = "provider[\"registry.terraform.io/hashicorp/google\"]";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** hashicorp/google 6.x/7.x resource schema versions (other types are at 0). */
  private static final Map<String, Integer> SCHEMA = Map.of(
      ResourceKinds.INSTANCE, 6, ResourceKinds.FIREWALL, 1, ResourceKinds.BUCKET, 3);
  /** Attributes the provider marks sensitive. */
  private static final Map<String, Set<String>> SENSITIVE = Map.of(
      ResourceKinds.OBJECT, Set.of("content"), ResourceKinds.SECRET_VERSION, Set.of("secret_data"));

  /** One deployed resource and its attributes (rebuilt from the API's answers). */
  public record Entry(PlannedResource planned, ObjectNode attributes) {}

  private StateWriter() {}

  public static byte[] write(List<PlannedResource> plan, List<Entry> entries, String lineageSeed) {
    ObjectNode s = JSON.createObjectNode();
    s.put("version", 4);
    s.put("terraform_version", TERRAFORM_VERSION);
    s.put("serial", 1);
    s.put("lineage", UUID.nameUUIDFromBytes(("alphacore-agent:" + lineageSeed).getBytes(StandardCharsets.UTF_8)).toString());
    s.putObject("outputs");
    ArrayNode resources = s.putArray("resources");
    for (Entry e : entries) {
      PlannedResource r = e.planned();
      ObjectNode res = resources.addObject();
      res.put("mode", "managed");
      res.put("type", r.type());
      res.put("name", r.address());
      res.put("provider", PROVIDER);
      ObjectNode inst = res.putArray("instances").addObject();
      inst.put("schema_version", SCHEMA.getOrDefault(r.type(), 0));
      inst.set("attributes", e.attributes());
      ArrayNode sens = inst.putArray("sensitive_attributes");
      for (String a : SENSITIVE.getOrDefault(r.type(), Set.of())) {
        if (e.attributes().hasNonNull(a)) sens.addArray().addObject().put("type", "get_attr").put("value", a);
      }
      inst.put("identity_schema_version", 0);
      inst.put("private", "bnVsbA==");
      List<Integer> deps = r.dependencies();
      if (!deps.isEmpty()) {
        ArrayNode d = inst.putArray("dependencies");
        deps.stream().filter(i -> i >= 0 && i < plan.size()).map(i -> plan.get(i).tfAddress()).sorted().forEach(d::add);
      }
    }
    s.putNull("check_results");
    try {
      return JSON.writeValueAsBytes(s);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
