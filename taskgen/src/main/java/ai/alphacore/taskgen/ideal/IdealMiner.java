package ai.alphacore.taskgen.ideal;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import ai.alphacore.taskgen.naming.NameKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The "ideal miner" for GCP tasks: from a task's invariants alone, the terraform.tfstate the
 * Google provider (hashicorp/google 7.x) would write for a correct solution. Names with
 * starts_with/ends_with get a miner affix; references are stored the way the provider stores
 * them (compute self-links, {@code projects/<p>/topics/<t>}, {@code b/<bucket>}, ...), as in the
 * judge corpus's ideal cases. Used by the generator's satisfiability property test.
 */
public final class IdealMiner {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String COMPUTE = "https://www.googleapis.com/compute/v1/projects/";
  private static final String PROVIDER = "provider[\"registry.terraform.io/hashicorp/google\"]";

  private final String project;
  private final String affix;

  /** @param affix what the miner adds to starts_with/ends_with names (letters and digits) */
  public IdealMiner(String project, String affix) {
    if (!affix.matches("[a-z][a-z0-9]{0,9}")) throw new IllegalArgumentException("affix must be a short lowercase identifier: " + affix);
    this.project = project;
    this.affix = affix;
  }

  public IdealMiner() {
    this("miner-proj-123456", "m1x");
  }

  /** The name a correct miner uses for a token under a rule. */
  public String realize(String token, ComparisonRule rule) {
    if (rule == ComparisonRule.STARTS_WITH) return token + "-" + affix;
    if (rule == ComparisonRule.ENDS_WITH) return affix + "-" + token;
    return token;
  }

  private String realize(Invariant inv, String path) {
    return realize(inv.match().get(path).asText(), inv.rule(path).orElse(ComparisonRule.EXACT_MATCH));
  }

  /** Terraform state v4 with one managed resource per invariant. */
  public ObjectNode synthesize(Task task) {
    ObjectNode state = F.objectNode();
    state.put("version", 4);
    state.put("terraform_version", "1.11.4");
    state.put("serial", 1);
    state.put("lineage", "00000000-0000-4000-8000-" + String.format("%012x", Math.abs((long) task.taskId().hashCode())));
    state.putObject("outputs");
    ArrayNode resources = state.putArray("resources");
    List<Invariant> invs = task.invariants();
    for (int i = 0; i < invs.size(); i++) {
      Invariant inv = invs.get(i);
      ObjectNode r = resources.addObject();
      r.put("mode", "managed");
      r.put("type", inv.resourceType());
      r.put("name", "r" + (i + 1));
      r.put("provider", PROVIDER);
      ObjectNode instance = r.putArray("instances").addObject();
      instance.put("schema_version", 0);
      ObjectNode attrs = instance.putObject("attributes");
      for (Map.Entry<String, JsonNode> e : inv.match().entrySet()) {
        set(attrs, e.getKey(), actual(task, inv, e.getKey(), e.getValue()));
      }
      decorate(task, inv, attrs);
      instance.putArray("sensitive_attributes");
    }
    state.putArray("check_results");
    return state;
  }

  /** The value the provider stores for one invariant path. */
  private JsonNode actual(Task task, Invariant inv, String path, JsonNode expected) {
    String type = inv.resourceType();
    if (nameKind(type, path) != null && expected.isTextual() && !type.equals("google_dns_record_set")) {
      return F.textNode(realize(inv, path));
    }
    return switch (type + " " + path) {
      case "google_compute_subnetwork values.network", "google_compute_firewall values.network" ->
          F.textNode(COMPUTE + project + "/global/networks/" + target(task, inv, path, "google_compute_network", "values.name"));
      case "google_compute_instance values.network_interface.0.subnetwork" ->
          F.textNode(COMPUTE + project + "/regions/" + region(inv) + "/subnetworks/"
              + target(task, inv, path, "google_compute_subnetwork", "values.name"));
      case "google_storage_bucket_object values.bucket" -> F.textNode(target(task, inv, path, "google_storage_bucket", "values.name"));
      case "google_dns_record_set values.managed_zone" -> F.textNode(target(task, inv, path, "google_dns_managed_zone", "values.name"));
      case "google_pubsub_subscription values.topic", "google_cloud_scheduler_job values.pubsub_target.0.topic_name" ->
          F.textNode("projects/" + project + "/topics/" + target(task, inv, path, "google_pubsub_topic", "values.name"));
      case "google_secret_manager_secret_version values.secret", "google_secret_manager_secret_iam_member values.secret_id" ->
          F.textNode("projects/" + project + "/secrets/" + target(task, inv, path, "google_secret_manager_secret", "values.secret_id"));
      case "google_service_account_iam_member values.service_account_id" ->
          F.textNode("projects/" + project + "/serviceAccounts/" + target(task, inv, path, "google_service_account", "values.account_id")
              + "@" + project + ".iam.gserviceaccount.com");
      case "google_logging_project_sink values.destination" -> {
        String prefix = "storage.googleapis.com/";
        String v = expected.asText();
        String token = v.startsWith(prefix) ? v.substring(prefix.length()) : v;
        yield F.textNode(prefix + target(task, token, inv.rule(path).orElse(ComparisonRule.EXACT_MATCH), "google_storage_bucket", "values.name"));
      }
      default -> expected;
    };
  }

  /**
   * The real name of the resource a reference points at: a miner points at the resource it
   * created (named by that resource's own rule), whatever rule the reference field carries.
   */
  private String target(Task task, Invariant inv, String path, String targetType, String namePath) {
    return target(task, inv.match().get(path).asText(), inv.rule(path).orElse(ComparisonRule.EXACT_MATCH), targetType, namePath);
  }

  private String target(Task task, String token, ComparisonRule fieldRule, String targetType, String namePath) {
    for (Invariant t : task.invariants()) {
      if (t.resourceType().equals(targetType) && t.match().containsKey(namePath) && token.equals(t.match().get(namePath).asText())) {
        return realize(t, namePath);
      }
    }
    return realize(token, fieldRule); // not in the task: an existing resource named per the rule
  }

  /** Attributes the provider always writes (ids, self-links, project) derived from the names. */
  private void decorate(Task task, Invariant inv, ObjectNode a) {
    a.put("project", project);
    String name = a.path("name").asText("");
    switch (inv.resourceType()) {
      case "google_compute_network" -> {
        a.put("id", "projects/" + project + "/global/networks/" + name);
        a.put("self_link", COMPUTE + project + "/global/networks/" + name);
        a.put("routing_mode", "REGIONAL");
      }
      case "google_compute_subnetwork" -> {
        String region = a.path("region").asText("us-central1");
        a.put("id", "projects/" + project + "/regions/" + region + "/subnetworks/" + name);
        a.put("self_link", COMPUTE + project + "/regions/" + region + "/subnetworks/" + name);
      }
      case "google_compute_firewall" -> {
        a.put("id", "projects/" + project + "/global/firewalls/" + name);
        a.put("self_link", COMPUTE + project + "/global/firewalls/" + name);
        if (!a.has("source_ranges")) a.putArray("source_ranges").add("0.0.0.0/0");
      }
      case "google_compute_instance" -> {
        String zone = a.path("zone").asText();
        a.put("id", "projects/" + project + "/zones/" + zone + "/instances/" + name);
        a.put("self_link", COMPUTE + project + "/zones/" + zone + "/instances/" + name);
        ArrayNode nics = a.has("network_interface") ? (ArrayNode) a.get("network_interface") : a.putArray("network_interface");
        if (nics.isEmpty()) nics.addObject();
        ObjectNode nic = (ObjectNode) nics.get(0);
        if (!nic.has("subnetwork")) {
          nic.put("network", COMPUTE + project + "/global/networks/default");
          nic.put("subnetwork", COMPUTE + project + "/regions/" + region(inv) + "/subnetworks/default");
        } else {
          String net = networkOf(task);
          nic.put("network", COMPUTE + project + "/global/networks/" + (net == null ? "default" : net));
        }
        nic.put("subnetwork_project", project);
      }
      case "google_storage_bucket" -> {
        a.put("id", name);
        a.put("self_link", "https://www.googleapis.com/storage/v1/b/" + name);
        a.put("url", "gs://" + name);
      }
      case "google_storage_bucket_object" -> {
        String bucket = a.path("bucket").asText();
        a.put("id", bucket + "-" + name);
        a.put("self_link", "https://www.googleapis.com/storage/v1/b/" + bucket + "/o/" + name);
        if (a.has("content")) a.put("md5hash", md5(a.get("content").asText()));
      }
      case "google_artifact_registry_repository" -> {
        String id = a.path("repository_id").asText();
        String loc = a.path("location").asText();
        a.put("id", "projects/" + project + "/locations/" + loc + "/repositories/" + id);
        a.put("name", id);
      }
      case "google_pubsub_topic" -> a.put("id", "projects/" + project + "/topics/" + name);
      case "google_pubsub_subscription" -> a.put("id", "projects/" + project + "/subscriptions/" + name);
      case "google_dns_managed_zone" -> {
        a.put("id", "projects/" + project + "/managedZones/" + name);
        a.put("visibility", "public");
      }
      case "google_dns_record_set" -> a.put("id", "projects/" + project + "/managedZones/" + a.path("managed_zone").asText()
          + "/rrsets/" + name + "/" + a.path("type").asText());
      case "google_secret_manager_secret" -> {
        String id = a.path("secret_id").asText();
        a.put("id", "projects/" + project + "/secrets/" + id);
        a.put("name", "projects/123456789012/secrets/" + id);
      }
      case "google_secret_manager_secret_version" -> {
        String secret = a.path("secret").asText();
        a.put("id", secret.replace("projects/" + project, "projects/123456789012") + "/versions/1");
        a.put("name", a.get("id").asText());
        a.put("enabled", true);
      }
      case "google_service_account" -> {
        String id = a.path("account_id").asText();
        String email = id + "@" + project + ".iam.gserviceaccount.com";
        a.put("email", email);
        a.put("id", "projects/" + project + "/serviceAccounts/" + email);
        a.put("name", a.get("id").asText());
        a.put("member", "serviceAccount:" + email);
      }
      case "google_storage_bucket_iam_member" -> {
        String bucket = bucketOf(task);
        if (bucket != null) a.put("bucket", "b/" + bucket);
        a.put("id", a.path("bucket").asText() + "/" + a.path("role").asText() + "/" + a.path("member").asText());
      }
      case "google_project_iam_member" -> a.put("id", project + "/" + a.path("role").asText() + "/" + a.path("member").asText());
      case "google_project_iam_custom_role" -> {
        String id = a.path("role_id").asText();
        a.put("id", "projects/" + project + "/roles/" + id);
        a.put("name", a.get("id").asText());
        a.put("title", id);
      }
      case "google_logging_project_sink" -> {
        a.put("id", "projects/" + project + "/sinks/" + name);
        a.put("writer_identity", "serviceAccount:service-123456789012@gcp-sa-logging.iam.gserviceaccount.com");
      }
      case "google_cloud_scheduler_job" -> {
        a.put("id", "projects/" + project + "/locations/us-central1/jobs/" + name);
        a.put("region", "us-central1");
        if (!a.has("pubsub_target")) a.putArray("pubsub_target");
        if (!a.has("http_target")) a.putArray("http_target");
      }
      default -> { }
    }
  }

  /** Which GCP naming rule the value of a name path obeys, or null when the path is no name. */
  public static NameKind nameKind(String type, String path) {
    return switch (type + " " + path) {
      case "google_compute_network values.name", "google_compute_subnetwork values.name", "google_compute_firewall values.name",
          "google_compute_instance values.name" -> NameKind.COMPUTE;
      case "google_storage_bucket values.name" -> NameKind.BUCKET;
      case "google_storage_bucket_object values.name" -> NameKind.BUCKET_OBJECT;
      case "google_artifact_registry_repository values.repository_id" -> NameKind.ARTIFACT_REPOSITORY;
      case "google_pubsub_topic values.name", "google_pubsub_subscription values.name" -> NameKind.PUBSUB;
      case "google_dns_managed_zone values.name" -> NameKind.DNS_ZONE;
      case "google_dns_record_set values.name" -> NameKind.DNS_LABEL;
      case "google_secret_manager_secret values.secret_id" -> NameKind.SECRET;
      case "google_service_account values.account_id" -> NameKind.SERVICE_ACCOUNT;
      case "google_cloud_scheduler_job values.name" -> NameKind.SCHEDULER_JOB;
      case "google_logging_project_sink values.name" -> NameKind.LOGGING_SINK;
      case "google_project_iam_custom_role values.role_id" -> NameKind.CUSTOM_ROLE;
      default -> null;
    };
  }

  /** Every realized name of the state that breaks its GCP naming rule, as "type.path: name: why". */
  public static List<String> nameViolations(Task task, ObjectNode state) {
    List<String> out = new ArrayList<>();
    JsonNode res = state.path("resources");
    for (int i = 0; i < task.invariants().size(); i++) {
      Invariant inv = task.invariants().get(i);
      JsonNode attrs = res.get(i).path("instances").get(0).path("attributes");
      for (String path : inv.match().keySet()) {
        NameKind k = nameKind(inv.resourceType(), path);
        if (k == null) continue;
        String v = attrs.path(path.substring("values.".length())).asText();
        String check = k == NameKind.DNS_LABEL ? v.substring(0, v.indexOf('.')) : v;
        for (String why : k.violations(check)) out.add(inv.resourceType() + "." + path + ": " + v + ": " + why);
      }
    }
    return out;
  }

  private String region(Invariant inv) {
    String zone = inv.match().get("values.zone").asText();
    return zone.substring(0, zone.lastIndexOf('-'));
  }

  private String networkOf(Task task) {
    for (Invariant i : task.invariants()) {
      if (i.resourceType().equals("google_compute_network")) return realize(i, "values.name");
    }
    return null;
  }

  private String bucketOf(Task task) {
    for (Invariant i : task.invariants()) {
      if (i.resourceType().equals("google_storage_bucket")) return realize(i, "values.name");
    }
    return null;
  }

  /** Sets {@code values.a.0.b} into nested objects and arrays (digits index arrays). */
  static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = (path.startsWith("values.") ? path.substring(7) : path).split("\\.");
    JsonNode cur = root;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String p = parts[i];
      boolean nextIsIndex = !last && parts[i + 1].matches("\\d+");
      if (cur instanceof ObjectNode o) {
        if (last) {
          o.set(p, value);
          return;
        }
        JsonNode child = o.get(p);
        if (child == null || child.isNull()) child = nextIsIndex ? o.putArray(p) : o.putObject(p);
        cur = child;
      } else if (cur instanceof ArrayNode a) {
        int idx = Integer.parseInt(p);
        while (a.size() <= idx) {
          if (last) a.addNull();
          else if (nextIsIndex) a.addArray();
          else a.addObject();
        }
        if (last) {
          a.set(idx, value);
          return;
        }
        cur = a.get(idx);
      } else {
        throw new IllegalArgumentException("cannot set " + path + ": " + p + " is under a scalar");
      }
    }
  }

  private static String md5(String s) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
