package ai.alphacore.taskgen.family;

import java.util.List;

/** The reference's 6 single-resource and 16 composite families (compositions.py), declared order. */
public final class GcpFamilies {
  private GcpFamilies() {}

  private static final List<String> NET = List.of("vpc_network", "subnetwork", "firewall_rule", "compute_instance_networked");

  public static List<Family> all() {
    return List.of(
        Family.single("single_vm", "compute_instance_basic"),
        Family.single("single_bucket", "storage_bucket"),
        Family.single("single_artifact_repo", "artifact_repository"),
        Family.single("single_pubsub_topic", "pubsub_topic"),
        Family.single("single_dns_zone", "dns_managed_zone"),
        Family.single("single_secret", "secret_manager_secret"),
        Family.composite("network_stack", NET, List.of(), 0, 0),
        Family.composite("network_without_instance", List.of("vpc_network", "subnetwork", "firewall_rule"),
            List.of("compute_instance_basic"), 0, 1),
        Family.composite("storage_delivery", List.of("storage_bucket"), List.of("artifact_repository", "pubsub_topic"), 1, 2),
        Family.composite("artifact_delivery", List.of("artifact_repository"),
            List.of("storage_bucket", "pubsub_topic", "storage_bucket_object"), 1, 3),
        Family.composite("bucket_with_object", List.of("storage_bucket", "storage_bucket_object"), List.of("pubsub_topic"), 0, 1),
        Family.composite("network_plus_storage", plus("storage_bucket"), List.of("storage_bucket_object", "artifact_repository"), 1, 2),
        Family.composite("network_plus_artifacts", plus("artifact_repository"), List.of("storage_bucket", "storage_bucket_object"), 1, 1),
        Family.composite("network_plus_pubsub", plus("pubsub_topic"), List.of("storage_bucket", "storage_bucket_object"), 0, 2),
        Family.composite("storage_with_pubsub", List.of("storage_bucket", "pubsub_topic"),
            List.of("artifact_repository", "storage_bucket_object"), 1, 2),
        Family.composite("service_account_delivery", List.of("service_account"),
            List.of("storage_bucket", "artifact_repository", "pubsub_topic", "storage_bucket_object"), 2, 4),
        Family.composite("dns_frontend", List.of("dns_managed_zone", "storage_bucket"), List.of("storage_bucket_object", "pubsub_topic"), 1, 2),
        Family.composite("dns_network_bridge", List.of("dns_managed_zone", "vpc_network", "subnetwork", "compute_instance_networked"),
            List.of("firewall_rule", "storage_bucket"), 1, 2),
        Family.composite("network_plus_service_account", plus("service_account"),
            List.of("storage_bucket", "artifact_repository", "storage_bucket_object"), 1, 3),
        Family.composite("bucket_object_with_iam", List.of("storage_bucket", "storage_bucket_object", "service_account", "bucket_iam_member"),
            List.of("pubsub_topic"), 0, 1),
        Family.composite("project_with_iam", List.of("service_account", "project_iam_member"),
            List.of("storage_bucket", "compute_instance_basic"), 1, 2),
        // Declared 0..2 in the reference; only one optional exists, so effectively 0..1.
        Family.composite("topic_with_subscription", List.of("pubsub_topic", "pubsub_subscription"), List.of("storage_bucket"), 0, 2));
  }

  private static List<String> plus(String extra) {
    List<String> l = new java.util.ArrayList<>(NET);
    l.add(extra);
    return List.copyOf(l);
  }
}
