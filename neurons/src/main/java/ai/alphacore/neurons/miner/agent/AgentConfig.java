package ai.alphacore.neurons.miner.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How an agent deploys.
 *
 * @param project the miner's own cloud project (6-30 lowercase letters, digits, hyphens)
 * @param endpoint base URL of a GCP-compatible REST API (cloudsim); used when {@code terraform} is null
 * @param token bearer token for {@code endpoint} (cloudsim: {@code dev}, or a registered principal's
 *     token); for terraform, an OAuth access token passed as GOOGLE_OAUTH_ACCESS_TOKEN (may be null
 *     when {@link Terraform#credentialsFile} is set). Never logged.
 * @param workDir where per-task workspaces are made
 * @param minerId what makes this miner's names unique (its hotkey); hashed into the name affix
 * @param terraform run the real terraform binary instead of the API deployer; null for cloudsim
 * @param keepWorkspaces keep each task's workspace directory after the ZIP is built
 */
public record AgentConfig(
    String project, URI endpoint, String token, Path workDir, String minerId, Terraform terraform, boolean keepWorkspaces) {

  /**
   * Real-GCP mode.
   *
   * @param binary the terraform executable
   * @param credentialsFile a service-account key file (GOOGLE_APPLICATION_CREDENTIALS), or null
   * @param timeout longest init + apply, also bounded by the task deadline
   */
  public record Terraform(Path binary, Path credentialsFile, Duration timeout) {
    public Terraform {
      if (binary == null) throw new IllegalArgumentException("terraform binary is required");
      if (timeout == null || timeout.isNegative() || timeout.isZero()) timeout = Duration.ofMinutes(15);
    }
  }

  public AgentConfig {
    if (project == null || !project.matches("[a-z][-a-z0-9]{4,28}[a-z0-9]")) {
      throw new IllegalArgumentException("project must be a GCP project id (6-30 lowercase letters, digits, hyphens), got '" + project + "'");
    }
    if (terraform == null && (endpoint == null || token == null || token.isBlank())) {
      throw new IllegalArgumentException("the API deployer needs an endpoint and a token");
    }
    if (terraform != null && (token == null || token.isBlank()) && terraform.credentialsFile() == null) {
      throw new IllegalArgumentException("terraform mode needs an access token or a credentials file");
    }
    if (workDir == null) throw new IllegalArgumentException("a work directory is required");
    if (minerId == null || minerId.isBlank()) minerId = project;
  }

  /** Deploys on cloudsim (or another GCP-compatible endpoint) through its REST API. */
  public static AgentConfig cloudsim(String project, URI endpoint, String token, Path workDir, String minerId) {
    return new AgentConfig(project, endpoint, token, workDir, minerId, null, false);
  }

  /** Deploys on Google Cloud with {@code terraform init} and {@code terraform apply}. */
  public static AgentConfig terraform(String project, Path binary, String accessToken, Path credentialsFile, Path workDir, String minerId) {
    return new AgentConfig(project, null, accessToken, workDir, minerId, new Terraform(binary, credentialsFile, null), false);
  }

  public AgentConfig keepingWorkspaces() {
    return new AgentConfig(project, endpoint, token, workDir, minerId, terraform, true);
  }

  @Override
  public String toString() {
    return "AgentConfig[project=" + project + ", endpoint=" + endpoint + ", token=" + (token == null ? "none" : "redacted")
        + ", workDir=" + workDir + ", terraform=" + terraform + ", keepWorkspaces=" + keepWorkspaces + "]";
  }
}
