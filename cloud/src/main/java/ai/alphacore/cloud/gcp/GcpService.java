package ai.alphacore.cloud.gcp;

import java.net.URI;

/** The Google APIs the verifier reads, each with its official, pinned endpoint. */
public enum GcpService {
  COMPUTE("https://compute.googleapis.com"),
  STORAGE("https://storage.googleapis.com"),
  PUBSUB("https://pubsub.googleapis.com"),
  ARTIFACT_REGISTRY("https://artifactregistry.googleapis.com"),
  DNS("https://dns.googleapis.com"),
  IAM("https://iam.googleapis.com"),
  RESOURCE_MANAGER("https://cloudresourcemanager.googleapis.com"),
  SECRET_MANAGER("https://secretmanager.googleapis.com"),
  SCHEDULER("https://cloudscheduler.googleapis.com"),
  LOGGING("https://logging.googleapis.com");

  private final URI official;

  GcpService(String official) {
    this.official = URI.create(official);
  }

  public URI official() {
    return official;
  }
}
