package ai.alphacore.neurons.miner;

/**
 * An agent's answer: the ZIP of its Terraform workspace ({@code terraform.tfstate} at the root)
 * and free-text notes for the validator's logs.
 */
public record Submission(byte[] workspaceZip, String notes) {
  public Submission {
    workspaceZip = workspaceZip == null ? null : workspaceZip.clone();
  }

  @Override
  public byte[] workspaceZip() {
    return workspaceZip == null ? null : workspaceZip.clone();
  }

  /** An agent that has nothing to submit. */
  public static Submission none(String why) {
    return new Submission(null, why);
  }
}
