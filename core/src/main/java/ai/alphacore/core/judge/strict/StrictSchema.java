package ai.alphacore.core.judge.strict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource types strict mode knows and, per type, which field kind each path suffix has.
 * The first matching suffix wins; paths without an entry compare as {@link FieldKind#TYPED}.
 */
final class StrictSchema {
  private StrictSchema() {}

  private static final Map<String, Map<String, FieldKind>> TYPES = new LinkedHashMap<>();

  private static void type(String type, Object... suffixKinds) {
    Map<String, FieldKind> m = new LinkedHashMap<>();
    for (int i = 0; i < suffixKinds.length; i += 2) m.put((String) suffixKinds[i], (FieldKind) suffixKinds[i + 1]);
    TYPES.put(type, m);
  }

  static {
    FieldKind N = FieldKind.NAME;
    FieldKind R = FieldKind.REFERENCE;
    FieldKind E = FieldKind.ENUM;
    type("google_compute_instance", ".name", N, ".zone", E, ".machine_type", FieldKind.MACHINE_TYPE,
        ".subnetwork", R, ".network", R, "metadata_startup_script", FieldKind.SCRIPT);
    type("google_compute_network", ".name", N);
    type("google_compute_subnetwork", ".name", N, ".network", R, ".region", E);
    type("google_compute_firewall", ".name", N, ".network", R, ".direction", E);
    type("google_storage_bucket", ".name", N, ".location", E, ".storage_class", E);
    type("google_storage_bucket_object", ".name", N, ".bucket", R, ".content", FieldKind.CONTENT);
    type("google_storage_bucket_iam_member", ".bucket", R, ".member", FieldKind.MEMBER);
    type("google_artifact_registry_repository", ".repository_id", N, ".name", N, ".location", E, ".format", E);
    type("google_pubsub_topic", ".name", N, ".retain_acked_messages", FieldKind.BOOL_DEFAULT_FALSE);
    type("google_pubsub_subscription", ".name", N, ".topic", R, ".ttl", FieldKind.TTL,
        ".retain_acked_messages", FieldKind.BOOL_DEFAULT_FALSE);
    type("google_dns_managed_zone", ".name", N, ".dns_name", FieldKind.DNS_NAME, ".visibility", E);
    type("google_dns_record_set", ".name", FieldKind.DNS_NAME, ".managed_zone", R, ".type", E,
        ".rrdatas", FieldKind.RRDATAS);
    type("google_service_account", ".account_id", N);
    type("google_service_account_iam_member", ".service_account_id", FieldKind.SERVICE_ACCOUNT_REF,
        ".member", FieldKind.MEMBER);
    type("google_project_iam_member", ".member", FieldKind.MEMBER, ".project", R);
    type("google_project_iam_custom_role", ".role_id", N, ".permissions.", FieldKind.PERMISSION);
    type("google_secret_manager_secret", ".secret_id", N, ".name", N);
    type("google_secret_manager_secret_version", ".secret", R, ".secret_data", FieldKind.SECRET_DATA);
    type("google_secret_manager_secret_iam_member", ".secret_id", R, ".member", FieldKind.MEMBER);
    type("google_cloud_scheduler_job", ".name", N, ".pubsub_target.0.topic_name", R, ".region", E);
    type("google_logging_project_sink", ".name", N, ".destination", R);
  }

  /** Types whose name field carries a flexible rule that references to it inherit. */
  static final List<String> NAME_PATHS = List.of("values.name", "values.repository_id", "values.secret_id",
      "values.service_account_id", "values.account_id", "values.role_id");

  static Set<String> knownTypes() {
    return TYPES.keySet();
  }

  static boolean known(String type) {
    return TYPES.containsKey(type);
  }

  static FieldKind kind(String type, String path) {
    Map<String, FieldKind> m = TYPES.get(type);
    if (m == null) return FieldKind.TYPED;
    for (Map.Entry<String, FieldKind> e : m.entrySet()) {
      String suffix = e.getKey();
      if (suffix.endsWith(".") ? isIndexed(path, suffix) : path.endsWith(suffix) || (!suffix.startsWith(".") && path.contains(suffix))) {
        return e.getValue();
      }
    }
    return FieldKind.TYPED;
  }

  /** {@code ".permissions."} matches {@code values.permissions.3}. */
  private static boolean isIndexed(String path, String prefix) {
    int i = path.lastIndexOf(prefix);
    if (i < 0) return false;
    String rest = path.substring(i + prefix.length());
    return !rest.isEmpty() && rest.chars().allMatch(Character::isDigit);
  }
}
