package ai.alphacore.cloud.gcp;

import java.util.List;

/**
 * A resource to read, as named by the miner: its Terraform type, project (an id, or a project
 * number for names such as {@code projects/123/secrets/s}) and type-specific ids, e.g.
 * {@code [zone, name]} for an instance or {@code [bucket, role, member]} for a bucket binding.
 */
public record ResourceRef(String type, String project, List<String> ids) {
  public ResourceRef {
    ids = List.copyOf(ids);
  }

  public String id(int i) {
    return ids.get(i);
  }

  public ResourceRef withProject(String p) {
    return new ResourceRef(type, p, ids);
  }

  /** Identity for de-duplication. */
  public String key() {
    return type + "|" + project + "|" + String.join("|", ids);
  }

  @Override
  public String toString() {
    return type + "(" + project + "/" + String.join("/", ids) + ")";
  }
}
