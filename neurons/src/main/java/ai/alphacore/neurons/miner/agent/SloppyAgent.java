package ai.alphacore.neurons.miner.agent;

import static ai.alphacore.neurons.miner.agent.ResourceKinds.*;

import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.miner.TaskRequest;
import ai.alphacore.neurons.miner.TaskSolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A careless miner for the local network demo: solves like the reference agent, then gets one
 * value of one requested resource wrong (a storage class, a machine type, a priority, ...),
 * chosen deterministically from the task id, so it loses that resource's invariant and keeps the
 * others, so it always scores below a careful miner (in the local network it must never win a
 * round by luck). Its deployments are real: the wrong value is what gets created.
 */
public final class SloppyAgent implements TaskSolver {
  /** Per attribute: the wrong value the sloppy agent writes instead. */
  private static final Map<String, UnaryOperator<JsonNode>> MISTAKES = mistakes();

  private final ReferenceAgent inner;

  public SloppyAgent(AgentConfig config) {
    this.inner = new ReferenceAgent(config, SloppyAgent::spoil);
  }

  @Override
  public Submission solve(TaskRequest request) {
    return inner.solve(request);
  }

  /** The plan with (at most) one mistake; the mistake depends only on the task id. */
  static Plan spoil(String taskId, Plan plan) {
    byte[] h = hash(taskId == null ? "" : taskId);
    List<Integer> requested = new ArrayList<>();
    for (int i = 0; i < plan.resources().size(); i++) if (plan.resources().get(i).item() > 0) requested.add(i);
    if (requested.isEmpty()) return plan;
    int start = (h[1] & 0xff) % requested.size();
    for (int k = 0; k < requested.size(); k++) {
      int idx = requested.get((start + k) % requested.size());
      PlannedResource r = plan.resources().get(idx);
      for (Map.Entry<String, UnaryOperator<JsonNode>> m : MISTAKES.entrySet()) {
        String[] key = m.getKey().split(" ", 2);
        if (!key[0].equals(r.type())) continue;
        JsonNode old = Attrs.get(r.attrs(), key[1]);
        if (old.isMissingNode() || old.isNull()) continue;
        ObjectNode attrs = r.attrs().deepCopy();
        Attrs.set(attrs, key[1], m.getValue().apply(old));
        List<PlannedResource> rs = new ArrayList<>(plan.resources());
        rs.set(idx, new PlannedResource(r.type(), r.address(), r.item(), attrs, r.refs()));
        List<String> notes = new ArrayList<>(plan.notes());
        notes.add("sloppy: " + r.tfAddress() + "." + key[1] + " written carelessly");
        return new Plan(rs, plan.project(), notes);
      }
    }
    return plan;
  }

  private static Map<String, UnaryOperator<JsonNode>> mistakes() {
    Map<String, UnaryOperator<JsonNode>> m = new java.util.LinkedHashMap<>();
    m.put(BUCKET + " storage_class", v -> text(v.asText().equalsIgnoreCase("STANDARD") ? "NEARLINE" : "STANDARD"));
    m.put(INSTANCE + " machine_type", v -> text(v.asText().equals("e2-micro") ? "e2-small" : "e2-micro"));
    m.put(FIREWALL + " priority", v -> Planner.F.numberNode(v.asInt() + 1));
    m.put(SUBNETWORK + " ip_cidr_range", SloppyAgent::otherCidr);
    m.put(OBJECT + " content", v -> text(v.asText() + "x"));
    m.put(ARTIFACT + " format", v -> text(v.asText().equalsIgnoreCase("DOCKER") ? "PYTHON" : "DOCKER"));
    m.put(TOPIC + " message_retention_duration", v -> text(v.asText().equals("600s") ? "900s" : "600s"));
    m.put(SUBSCRIPTION + " ack_deadline_seconds", v -> Planner.F.numberNode(v.asInt() == 10 ? 20 : 10));
    m.put(DNS_RECORD + " ttl", v -> Planner.F.numberNode(v.asInt() + 60));
    m.put(SCHEDULER + " schedule", v -> text(v.asText().equals("*/5 * * * *") ? "*/10 * * * *" : "*/5 * * * *"));
    m.put(SINK + " filter", v -> text(v.asText().equals("severity=\"ERROR\"") ? "severity=\"WARNING\"" : "severity=\"ERROR\""));
    m.put(SERVICE_ACCOUNT + " display_name", v -> text(v.asText() + "x"));
    m.put(SECRET_VERSION + " secret_data", v -> text(v.asText() + "x"));
    m.put(CUSTOM_ROLE + " permissions", v -> Planner.F.arrayNode().add("resourcemanager.projects.get"));
    m.put(SECRET_IAM + " role", v -> text("roles/secretmanager.viewer"));
    m.put(SA_IAM + " role", v -> text("roles/iam.serviceAccountUser"));
    m.put(BUCKET_IAM + " role", v -> text("roles/storage.legacyBucketReader"));
    m.put(PROJECT_IAM + " role", v -> text("roles/browser"));
    m.put(DNS_ZONE + " labels", v -> Planner.F.nullNode());
    m.put(SECRET + " labels", v -> Planner.F.nullNode());
    m.put(NETWORK + " auto_create_subnetworks", v -> Planner.F.booleanNode(!v.asBoolean()));
    m.put(DNS_ZONE + " dns_name", v -> text("x" + v.asText()));
    return m;
  }

  /** {@code 10.a.b.0/24} to {@code 10.a.(b+1).0/24}: still a valid range, not the asked one. */
  private static JsonNode otherCidr(JsonNode v) {
    String[] p = v.asText().split("[./]");
    if (p.length != 5 || !p[2].matches("\\d{1,3}")) return text("10.250.0.0/24");
    return text(p[0] + "." + p[1] + "." + (Integer.parseInt(p[2]) + 1) % 250 + ".0/" + p[4]);
  }

  private static JsonNode text(String s) {
    return Planner.F.textNode(s);
  }

  private static byte[] hash(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(("sloppy:" + s).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
