package ai.alphacore.taskgen.template.gcp;

import ai.alphacore.taskgen.template.ResourceTemplate;
import java.util.List;

/** The 21 GCP templates in catalog order (the order dependency providers are looked up in). */
public final class GcpTemplates {
  private GcpTemplates() {}

  public static List<ResourceTemplate> all() {
    return List.of(
        new ArtifactRepository(), new BucketIamMember(), new CloudSchedulerJob(), new ComputeInstanceBasic(),
        new ComputeInstanceNetworked(), new CustomIamRole(), new DnsManagedZone(), new DnsRecordSet(),
        new FirewallRule(), new LoggingProjectSink(), new VpcNetwork(), new ProjectIamMember(), new PubsubSubscription(),
        new PubsubTopic(), new SecretManagerSecret(), new SecretManagerSecretIam(), new ServiceAccount(),
        new ServiceAccountIamMember(), new StorageBucket(), new StorageBucketObject(), new Subnetwork());
  }
}
