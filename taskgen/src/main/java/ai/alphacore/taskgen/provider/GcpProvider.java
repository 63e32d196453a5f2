package ai.alphacore.taskgen.provider;

import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.family.GcpFamilies;
import ai.alphacore.taskgen.template.ResourceTemplate;
import ai.alphacore.taskgen.template.gcp.GcpTemplates;
import java.util.List;
import java.util.Set;

/** Google Cloud: the 21 reference templates and 22 families. */
public final class GcpProvider implements Provider {
  private static final List<ResourceTemplate> TEMPLATES = GcpTemplates.all();
  private static final List<Family> FAMILIES = GcpFamilies.all();

  @Override public String key() { return "gcp"; }
  @Override public String displayName() { return "Google Cloud"; }
  @Override public List<ResourceTemplate> templates() { return TEMPLATES; }
  @Override public List<Family> families() { return FAMILIES; }

  @Override
  public Set<String> labelledTypes() {
    return Set.of("google_compute_instance", "google_storage_bucket", "google_pubsub_topic", "google_pubsub_subscription",
        "google_artifact_registry_repository", "google_dns_managed_zone", "google_secret_manager_secret");
  }

  @Override
  public List<String> providerTerms() {
    return List.of("google cloud", "gcp");
  }
}
