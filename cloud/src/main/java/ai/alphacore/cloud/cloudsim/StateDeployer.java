package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.CloudError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;


/**
 * Creates, through the public REST API, the resources a Terraform state describes, as a
 * provider would: a miner (or a test, or the bench) can "deploy" a state into cloudsim without
 * Terraform. Only attributes that matter to the tasks are sent; see docs/cloudsim.md.
 */
public final class StateDeployer {
  /** Creation order: dependencies first. */
  private static final List<String> ORDER = List.of(
      "google_compute_network", "google_compute_subnetwork", "google_compute_firewall", "google_compute_instance",
      "google_storage_bucket", "google_storage_bucket_object", "google_storage_bucket_iam_member",
      "google_artifact_registry_repository", "google_pubsub_topic", "google_pubsub_subscription",
      "google_dns_managed_zone", "google_dns_record_set", "google_service_account", "google_service_account_iam_member",
      "google_project_iam_member", "google_project_iam_custom_role", "google_secret_manager_secret",
      "google_secret_manager_secret_version", "google_secret_manager_secret_iam_member", "google_cloud_scheduler_job",
      "google_logging_project_sink");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private int calls;

  public StateDeployer(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public int calls() {
    return calls;
  }

  /** Deploys every managed resource of a known type; {@code project} fills in a missing project attribute. */
  public void deploy(JsonNode state, String project) {
    List<JsonNode[]> items = new ArrayList<>();
    for (JsonNode r : state.path("resources")) {
      if (!"managed".equals(r.path("mode").asText("managed"))) continue;
      String type = r.path("type").asText();
      if (!ORDER.contains(type)) continue;
      for (JsonNode i : r.path("instances")) items.add(new JsonNode[] {r.path("type"), i.path("attributes")});
    }
    items.sort(Comparator.comparingInt(x -> ORDER.indexOf(x[0].asText())));
    for (JsonNode[] it : items) deployOne(it[0].asText(), it[1], it[1].path("project").asText(project));
  }

  private void deployOne(String type, JsonNode a, String p) {
    switch (type) {
      case "google_compute_network" -> {
        ObjectNode b = o().put("name", s(a, "name")).put("autoCreateSubnetworks", a.path("auto_create_subnetworks").asBoolean(false))
            .put("description", a.path("description").asText(""));
        b.putObject("routingConfig").put("routingMode", a.path("routing_mode").asText("REGIONAL"));
        if (a.path("mtu").asInt(0) > 0) b.put("mtu", a.path("mtu").asInt());
        ok("POST", "/compute/v1/projects/" + p + "/global/networks", b);
      }
      case "google_compute_subnetwork" -> ok("POST", "/compute/v1/projects/" + p + "/regions/" + last(s(a, "region")) + "/subnetworks",
          o().put("name", s(a, "name")).put("network", s(a, "network")).put("ipCidrRange", s(a, "ip_cidr_range"))
              .put("description", a.path("description").asText("")).put("privateIpGoogleAccess", a.path("private_ip_google_access").asBoolean(false)));
      case "google_compute_firewall" -> {
        ObjectNode b = o().put("name", s(a, "name")).put("network", s(a, "network")).put("direction", a.path("direction").asText("INGRESS"))
            .put("priority", a.path("priority").asInt(1000)).put("disabled", a.path("disabled").asBoolean(false)).put("description", a.path("description").asText(""));
        rules(b, "allowed", a.path("allow"));
        rules(b, "denied", a.path("deny"));
        if (a.path("source_ranges").size() > 0) b.set("sourceRanges", a.get("source_ranges"));
        if (a.path("target_tags").size() > 0) b.set("targetTags", a.get("target_tags"));
        ok("POST", "/compute/v1/projects/" + p + "/global/firewalls", b);
      }
      case "google_compute_instance" -> {
        String zone = last(s(a, "zone"));
        ObjectNode b = o().put("name", s(a, "name")).put("machineType", "zones/" + zone + "/machineTypes/" + last(s(a, "machine_type")))
            .put("description", a.path("description").asText(""));
        ArrayNode nics = b.putArray("networkInterfaces");
        for (JsonNode n : a.path("network_interface")) {
          ObjectNode nic = nics.addObject();
          if (!n.path("subnetwork").asText("").isEmpty()) nic.put("subnetwork", n.get("subnetwork").asText());
          else if (!n.path("network").asText("").isEmpty()) nic.put("network", n.get("network").asText());
        }
        if (nics.isEmpty()) nics.addObject().put("network", "global/networks/default");
        ObjectNode disk = b.putArray("disks").addObject().put("boot", true).put("autoDelete", true);
        String image = a.path("boot_disk").path(0).path("initialize_params").path(0).path("image").asText("debian-cloud/debian-12");
        disk.putObject("initializeParams").put("sourceImage", image).put("diskSizeGb", Math.max(10, a.path("boot_disk").path(0).path("initialize_params").path(0).path("size").asInt(10)));
        ArrayNode items = b.putObject("metadata").putArray("items");
        if (a.hasNonNull("metadata_startup_script")) items.addObject().put("key", "startup-script").put("value", a.get("metadata_startup_script").asText());
        if (a.path("metadata").isObject()) a.get("metadata").properties().forEach(e -> items.addObject().put("key", e.getKey()).put("value", e.getValue().asText()));
        labels(b, a);
        ok("POST", "/compute/v1/projects/" + p + "/zones/" + zone + "/instances", b);
      }
      case "google_storage_bucket" -> {
        ObjectNode b = o().put("name", s(a, "name")).put("location", s(a, "location")).put("storageClass", a.path("storage_class").asText("STANDARD"));
        b.putObject("iamConfiguration").putObject("uniformBucketLevelAccess").put("enabled", a.path("uniform_bucket_level_access").asBoolean(false));
        labels(b, a);
        ok("POST", "/storage/v1/b?project=" + enc(p), b);
      }
      case "google_storage_bucket_object" -> {
        byte[] data = a.path("content").asText("").getBytes(StandardCharsets.UTF_8);
        send("POST", "/upload/storage/v1/b/" + enc(s(a, "bucket")) + "/o?uploadType=media&name=" + enc(s(a, "name")), data,
            a.path("content_type").asText("application/octet-stream"), true);
      }
      case "google_storage_bucket_iam_member" -> {
        String bucket = s(a, "bucket").replaceFirst("^b/", "");
        JsonNode pol = ok("GET", "/storage/v1/b/" + enc(bucket) + "/iam", null);
        ok("PUT", "/storage/v1/b/" + enc(bucket) + "/iam", withMember(pol, s(a, "role"), s(a, "member")));
      }
      case "google_artifact_registry_repository" -> {
        ObjectNode b = o().put("format", s(a, "format")).put("description", a.path("description").asText(""));
        labels(b, a);
        ok("POST", "/v1/projects/" + p + "/locations/" + s(a, "location") + "/repositories?repositoryId=" + enc(s(a, "repository_id")), b);
      }
      case "google_pubsub_topic" -> {
        ObjectNode b = o();
        if (!a.path("message_retention_duration").asText("").isEmpty()) b.put("messageRetentionDuration", a.get("message_retention_duration").asText());
        labels(b, a);
        ok("PUT", "/v1/projects/" + p + "/topics/" + enc(last(s(a, "name"))), b);
      }
      case "google_pubsub_subscription" -> {
        String topic = s(a, "topic");
        if (!topic.startsWith("projects/")) topic = "projects/" + p + "/topics/" + topic;
        ObjectNode b = o().put("topic", topic).put("ackDeadlineSeconds", a.path("ack_deadline_seconds").asInt(10))
            .put("retainAckedMessages", a.path("retain_acked_messages").asBoolean(false));
        if (!a.path("message_retention_duration").asText("").isEmpty()) b.put("messageRetentionDuration", a.get("message_retention_duration").asText());
        String ttl = a.path("expiration_policy").path(0).path("ttl").asText(null);
        if (ttl != null) b.putObject("expirationPolicy").put("ttl", ttl);
        labels(b, a);
        ok("PUT", "/v1/projects/" + p + "/subscriptions/" + enc(last(s(a, "name"))), b);
      }
      case "google_dns_managed_zone" -> {
        ObjectNode b = o().put("name", s(a, "name")).put("dnsName", s(a, "dns_name")).put("description", a.path("description").asText(""))
            .put("visibility", a.path("visibility").asText("public"));
        labels(b, a);
        ok("POST", "/dns/v1/projects/" + p + "/managedZones", b);
      }
      case "google_dns_record_set" -> ok("POST", "/dns/v1/projects/" + p + "/managedZones/" + enc(last(s(a, "managed_zone"))) + "/rrsets",
          o().put("name", s(a, "name")).put("type", s(a, "type")).put("ttl", a.path("ttl").asLong(300)).<ObjectNode>set("rrdatas", a.path("rrdatas")));
      case "google_service_account" -> {
        ObjectNode b = o().put("accountId", s(a, "account_id"));
        b.putObject("serviceAccount").put("displayName", a.path("display_name").asText("")).put("description", a.path("description").asText(""));
        ok("POST", "/v1/projects/" + p + "/serviceAccounts", b);
      }
      case "google_service_account_iam_member" -> {
        String sa = s(a, "service_account_id");
        String path = sa.startsWith("projects/") ? "/v1/" + sa : "/v1/projects/" + p + "/serviceAccounts/" + sa;
        JsonNode pol = ok("POST", path + ":getIamPolicy", o());
        ok("POST", path + ":setIamPolicy", o().set("policy", withMember(pol, s(a, "role"), s(a, "member"))));
      }
      case "google_project_iam_member" -> {
        JsonNode pol = ok("POST", "/v1/projects/" + p + ":getIamPolicy", o());
        ok("POST", "/v1/projects/" + p + ":setIamPolicy", o().set("policy", withMember(pol, s(a, "role"), s(a, "member"))));
      }
      case "google_project_iam_custom_role" -> {
        ObjectNode role = o().put("title", a.path("title").asText("")).put("description", a.path("description").asText("")).put("stage", a.path("stage").asText("GA"));
        role.set("includedPermissions", a.path("permissions"));
        ok("POST", "/v1/projects/" + p + "/roles", o().put("roleId", s(a, "role_id")).set("role", role));
      }
      case "google_secret_manager_secret" -> {
        ObjectNode b = o();
        b.putObject("replication").putObject("automatic");
        labels(b, a);
        ok("POST", "/v1/projects/" + p + "/secrets?secretId=" + enc(last(s(a, "secret_id"))), b);
      }
      case "google_secret_manager_secret_version" -> {
        String data = a.path("secret_data").asText("");
        String b64 = a.path("is_secret_data_base64").asBoolean(false) ? data : Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        ok("POST", "/v1/projects/" + p + "/secrets/" + enc(last(s(a, "secret"))) + ":addVersion", o().set("payload", o().put("data", b64)));
      }
      case "google_secret_manager_secret_iam_member" -> {
        String path = "/v1/projects/" + p + "/secrets/" + enc(last(s(a, "secret_id")));
        JsonNode pol = ok("GET", path + ":getIamPolicy", null);
        ok("POST", path + ":setIamPolicy", o().set("policy", withMember(pol, s(a, "role"), s(a, "member"))));
      }
      case "google_cloud_scheduler_job" -> {
        String region = s(a, "region");
        ObjectNode b = o().put("name", "projects/" + p + "/locations/" + region + "/jobs/" + last(s(a, "name"))).put("schedule", s(a, "schedule"))
            .put("timeZone", a.path("time_zone").asText("Etc/UTC")).put("description", a.path("description").asText(""))
            .put("attemptDeadline", a.path("attempt_deadline").asText("180s"));
        JsonNode ps = a.path("pubsub_target").path(0);
        JsonNode ht = a.path("http_target").path(0);
        if (!ps.isMissingNode()) {
          String topic = s(ps, "topic_name");
          if (!topic.startsWith("projects/")) topic = "projects/" + p + "/topics/" + topic;
          ObjectNode t = b.putObject("pubsubTarget").put("topicName", topic);
          if (!ps.path("data").asText("").isEmpty()) t.put("data", ps.get("data").asText());
        }
        if (!ht.isMissingNode()) b.putObject("httpTarget").put("uri", s(ht, "uri")).put("httpMethod", ht.path("http_method").asText("POST"));
        ok("POST", "/v1/projects/" + p + "/locations/" + region + "/jobs", b);
      }
      case "google_logging_project_sink" -> ok("POST", "/v2/projects/" + p + "/sinks?uniqueWriterIdentity=true",
          o().put("name", s(a, "name")).put("destination", s(a, "destination")).put("filter", a.path("filter").asText(""))
              .put("description", a.path("description").asText("")).put("disabled", a.path("disabled").asBoolean(false)));
      default -> throw new IllegalStateException("unreachable: " + type);
    }
  }

  private static ObjectNode withMember(JsonNode policy, String role, String member) {
    ObjectNode p = o();
    p.put("etag", policy.path("etag").asText());
    ArrayNode bindings = p.putArray("bindings");
    boolean added = false;
    for (JsonNode b : policy.path("bindings")) {
      ObjectNode nb = b.deepCopy();
      if (nb.path("role").asText().equals(role) && !nb.has("condition")) {
        ((ArrayNode) nb.withArray("members")).add(member);
        added = true;
      }
      bindings.add(nb);
    }
    if (!added) bindings.addObject().put("role", role).putArray("members").add(member);
    return p;
  }

  private static void rules(ObjectNode b, String field, JsonNode blocks) {
    if (!blocks.isArray() || blocks.isEmpty()) return;
    ArrayNode out = b.putArray(field);
    for (JsonNode r : blocks) {
      ObjectNode x = out.addObject().put("IPProtocol", r.path("protocol").asText());
      if (r.path("ports").size() > 0) x.set("ports", r.get("ports"));
    }
  }

  private static void labels(ObjectNode b, JsonNode a) {
    JsonNode l = a.path("labels");
    if (l.isObject() && !l.isEmpty()) b.set("labels", l);
  }

  private JsonNode ok(String method, String path, JsonNode body) {
    byte[] bytes = null;
    try {
      if (body != null) bytes = MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(method, path, bytes, "application/json", true);
  }

  private JsonNode send(String method, String path, byte[] body, String type, boolean mustSucceed) {
    calls++;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    if (body != null) b.header("Content-Type", type);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode j = r.body().length == 0 ? o() : MAPPER.readTree(r.body());
      if (mustSucceed && (r.statusCode() < 200 || r.statusCode() >= 300)) {
        throw new CloudError(CloudError.Code.BAD_REQUEST, method + " " + path + " -> " + r.statusCode() + ": " + j.path("error").path("message").asText());
      }
      return j;
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudError(CloudError.Code.BAD_REQUEST, "interrupted", e);
    }
  }

  private static String s(JsonNode a, String field) {
    JsonNode v = a.get(field);
    if (v == null || v.isNull() || v.asText().isEmpty()) throw new CloudError(CloudError.Code.BAD_REQUEST, "attribute '" + field + "' is missing");
    return v.asText();
  }

  private static String last(String v) {
    String t = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    return t.substring(t.lastIndexOf('/') + 1);
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ObjectNode o() {
    return MAPPER.createObjectNode();
  }

}
