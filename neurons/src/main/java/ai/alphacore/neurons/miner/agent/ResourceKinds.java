package ai.alphacore.neurons.miner.agent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's knowledge of the Google resource types it can build: which type a prompt label
 * names, which Terraform attribute a field's words mean, the name attribute of each type, and
 * which attributes refer to another resource. Plain GCP/Terraform knowledge; no task internals.
 */
public final class ResourceKinds {
  private ResourceKinds() {}

  public static final String NETWORK = "google_compute_network";
  public static final String SUBNETWORK = "google_compute_subnetwork";
  public static final String FIREWALL = "google_compute_firewall";
  public static final String INSTANCE = "google_compute_instance";
  public static final String BUCKET = "google_storage_bucket";
  public static final String OBJECT = "google_storage_bucket_object";
  public static final String ARTIFACT = "google_artifact_registry_repository";
  public static final String TOPIC = "google_pubsub_topic";
  public static final String SUBSCRIPTION = "google_pubsub_subscription";
  public static final String DNS_ZONE = "google_dns_managed_zone";
  public static final String DNS_RECORD = "google_dns_record_set";
  public static final String SCHEDULER = "google_cloud_scheduler_job";
  public static final String CUSTOM_ROLE = "google_project_iam_custom_role";
  public static final String SINK = "google_logging_project_sink";
  public static final String SECRET = "google_secret_manager_secret";
  public static final String SECRET_VERSION = "google_secret_manager_secret_version";
  public static final String SECRET_IAM = "google_secret_manager_secret_iam_member";
  public static final String SERVICE_ACCOUNT = "google_service_account";
  public static final String SA_IAM = "google_service_account_iam_member";
  public static final String BUCKET_IAM = "google_storage_bucket_iam_member";
  public static final String PROJECT_IAM = "google_project_iam_member";

  /** Every type the agent builds, in an order where dependencies come first. */
  public static final List<String> TYPES = List.of(NETWORK, SUBNETWORK, FIREWALL, INSTANCE, BUCKET, OBJECT, BUCKET_IAM, ARTIFACT,
      TOPIC, SUBSCRIPTION, DNS_ZONE, DNS_RECORD, SERVICE_ACCOUNT, SA_IAM, CUSTOM_ROLE, SECRET, SECRET_VERSION, SECRET_IAM,
      SCHEDULER, SINK, PROJECT_IAM);

  private static final Map<String, String> NAME_ATTR = Map.ofEntries(
      Map.entry(NETWORK, "name"), Map.entry(SUBNETWORK, "name"), Map.entry(FIREWALL, "name"), Map.entry(INSTANCE, "name"),
      Map.entry(BUCKET, "name"), Map.entry(OBJECT, "name"), Map.entry(ARTIFACT, "repository_id"), Map.entry(TOPIC, "name"),
      Map.entry(SUBSCRIPTION, "name"), Map.entry(DNS_ZONE, "name"), Map.entry(DNS_RECORD, "name"), Map.entry(SCHEDULER, "name"),
      Map.entry(CUSTOM_ROLE, "role_id"), Map.entry(SINK, "name"), Map.entry(SECRET, "secret_id"), Map.entry(SERVICE_ACCOUNT, "account_id"));

  /** Attributes that point at another resource: (type, attribute) to the target type. */
  private static final Map<String, String> REFS = Map.ofEntries(
      Map.entry(SUBNETWORK + " network", NETWORK), Map.entry(FIREWALL + " network", NETWORK),
      Map.entry(INSTANCE + " network_interface.0.subnetwork", SUBNETWORK), Map.entry(INSTANCE + " network_interface.0.network", NETWORK),
      Map.entry(OBJECT + " bucket", BUCKET), Map.entry(SUBSCRIPTION + " topic", TOPIC), Map.entry(DNS_RECORD + " managed_zone", DNS_ZONE),
      Map.entry(SCHEDULER + " pubsub_target.0.topic_name", TOPIC), Map.entry(SINK + " destination", BUCKET),
      Map.entry(SECRET_VERSION + " secret", SECRET), Map.entry(SECRET_IAM + " secret_id", SECRET),
      Map.entry(SA_IAM + " service_account_id", SERVICE_ACCOUNT), Map.entry(BUCKET_IAM + " bucket", BUCKET));

  /** Field words to attribute, per type; the first keyword contained in the field wins. */
  private static final Map<String, List<String[]>> FIELDS = Map.ofEntries(
      Map.entry(NETWORK, kw("auto", "auto_create_subnetworks", "routing", "routing_mode", "description", "description", "name", "name")),
      Map.entry(SUBNETWORK, kw("cidr", "ip_cidr_range", "range", "ip_cidr_range", "region", "region", "network", "network", "name", "name")),
      Map.entry(FIREWALL, kw("protocol", "allow.0.protocol", "port", "allow.0.ports.0", "direction", "direction", "priority", "priority",
          "disabled", "disabled", "source", "source_ranges", "network", "network", "name", "name")),
      Map.entry(INSTANCE, kw("startup", "metadata_startup_script", "script", "metadata_startup_script", "machine", "machine_type",
          "zone", "zone", "subnet", "network_interface.0.subnetwork", "network", "network_interface.0.network", "name", "name")),
      Map.entry(BUCKET, kw("class", "storage_class", "location", "location", "located", "location", "region", "location", "name", "name")),
      Map.entry(OBJECT, kw("content type", "content_type", "content-type", "content_type", "mime", "content_type", "content", "content",
          "bucket", "bucket", "name", "name")),
      Map.entry(ARTIFACT, kw("format", "format", "location", "location", "located", "location", "region", "location", "id", "repository_id", "name", "repository_id")),
      Map.entry(TOPIC, kw("retention", "message_retention_duration", "name", "name")),
      Map.entry(SUBSCRIPTION, kw("ack", "ack_deadline_seconds", "retain", "retain_acked_messages", "expiration", "expiration_policy.0.ttl",
          "ttl", "expiration_policy.0.ttl", "topic", "topic", "name", "name")),
      Map.entry(DNS_ZONE, kw("dns name", "dns_name", "domain", "dns_name", "visibility", "visibility", "description", "description",
          "name", "name")),
      Map.entry(DNS_RECORD, kw("record name", "name", "record type", "type", "ttl", "ttl", "zone", "managed_zone", "data", "rrdatas",
          "type", "type", "name", "name")),
      Map.entry(SCHEDULER, kw("schedule", "schedule", "cron", "schedule", "time zone", "time_zone", "timezone", "time_zone",
          "uri", "http_target.0.uri", "url", "http_target.0.uri", "data", "pubsub_target.0.data", "topic", "pubsub_target.0.topic_name",
          "name", "name")),
      Map.entry(CUSTOM_ROLE, kw("permission", "permissions", "title", "title", "id", "role_id", "name", "role_id")),
      Map.entry(SINK, kw("destination", "destination", "filter", "filter", "name", "name")),
      Map.entry(SECRET, kw("replication", "replication", "id", "secret_id", "name", "secret_id")),
      Map.entry(SECRET_VERSION, kw("data", "secret_data", "payload", "secret_data", "value", "secret_data", "secret", "secret")),
      Map.entry(SECRET_IAM, kw("role", "role", "member", "member", "secret", "secret_id")),
      Map.entry(SERVICE_ACCOUNT, kw("display", "display_name", "description", "description", "id", "account_id", "name", "account_id")),
      Map.entry(SA_IAM, kw("role", "role", "member", "member", "service account", "service_account_id", "account", "service_account_id")),
      Map.entry(BUCKET_IAM, kw("role", "role", "member", "member", "bucket", "bucket")),
      Map.entry(PROJECT_IAM, kw("role", "role", "member", "member", "project", "project")));

  private static final Set<String> INTS = Set.of("priority", "ack_deadline_seconds", "ttl");
  private static final Set<String> BOOLS = Set.of("disabled", "auto_create_subnetworks", "retain_acked_messages");
  private static final Set<String> LISTS = Set.of("rrdatas", "permissions", "source_ranges");
  private static final Pattern SNAKE = Pattern.compile("\\(([a-z][a-z0-9]*(?:_[a-z0-9]+)+|rrdatas)\\)");
  private static final Pattern LABEL = Pattern.compile("(?i)\\blabel\\s+[\"']?([a-z][a-z0-9_-]{0,62})[\"']?");
  private static final Pattern VM = Pattern.compile("\\b(vm|vms|instance|virtual machine|compute engine)\\b");

  private static List<String[]> kw(String... pairs) {
    List<String[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) out.add(new String[] {pairs[i], pairs[i + 1]});
    return List.copyOf(out);
  }

  /** The Terraform type a resource label names, or null. Most specific words first. */
  public static String typeOf(String label) {
    String l = norm(label);
    if (l.isEmpty()) return null;
    boolean iam = l.matches(".*\\b(iam|binding|grant|member)\\b.*");
    if (l.contains("custom") && l.contains("role")) return CUSTOM_ROLE;
    if (iam) {
      if (l.contains("secret")) return SECRET_IAM;
      if (l.contains("service account")) return SA_IAM;
      if (l.contains("bucket")) return BUCKET_IAM;
      if (l.contains("project")) return PROJECT_IAM;
    }
    if (l.contains("secret") && l.contains("version")) return SECRET_VERSION;
    if (l.contains("secret")) return SECRET;
    if (l.contains("service account")) return SERVICE_ACCOUNT;
    if (l.contains("record")) return DNS_RECORD;
    if (l.contains("dns") || l.contains("managed zone")) return DNS_ZONE;
    if (l.contains("subscription")) return SUBSCRIPTION;
    if (l.contains("scheduler") || l.contains("cron job")) return SCHEDULER;
    if (l.contains("topic") || l.contains("pub/sub") || l.contains("pubsub")) return TOPIC;
    if (l.contains("sink") || l.contains("logging")) return SINK;
    if (l.contains("object")) return OBJECT;
    if (l.contains("bucket")) return BUCKET;
    if (l.contains("artifact") || l.contains("repository") || l.contains("registry")) return ARTIFACT;
    if (l.contains("firewall")) return FIREWALL;
    if (l.contains("subnet")) return SUBNETWORK;
    if (VM.matcher(l).find()) return INSTANCE;
    if (l.contains("vpc") || l.contains("network")) return NETWORK;
    return null;
  }

  /** The name attribute of a type ("name", "repository_id", ...), null for types without one. */
  public static String nameAttr(String type) {
    return NAME_ATTR.get(type);
  }

  /** The type an attribute refers to, or null when it is no reference. */
  public static String refTarget(String type, String attr) {
    return REFS.get(type + " " + attr);
  }

  /** The attribute path (dots, digits index lists) a field's words mean for a type, or null. */
  public static String attribute(String type, String field) {
    if (type == null || field == null) return null;
    Matcher lab = LABEL.matcher(field);
    if (lab.find()) return "labels." + lab.group(1).toLowerCase(Locale.ROOT);
    Matcher snake = SNAKE.matcher(field);
    while (snake.find()) {
      String s = snake.group(1);
      for (String[] k : FIELDS.getOrDefault(type, List.of())) if (k[1].equals(s)) return s;
    }
    String f = norm(field.replaceAll("\\([^)]*\\)", " "));
    if (f.isEmpty()) f = norm(field);
    for (String[] k : FIELDS.getOrDefault(type, List.of())) {
      if (f.contains(k[0])) return k[1];
    }
    return null;
  }

  public static boolean isInt(String attr) {
    return INTS.contains(attr);
  }

  public static boolean isBool(String attr) {
    return BOOLS.contains(attr);
  }

  public static boolean isList(String attr) {
    return LISTS.contains(attr);
  }

  static String norm(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ").trim();
  }
}
