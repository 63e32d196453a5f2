package ai.alphacore.taskgen.template;

import java.util.List;

/**
 * One Terraform resource a template asks for: its type, its fields (in invariant order) and the
 * words the prompt uses for it ("VPC network").
 */
public record ResourceDraft(String resourceType, String label, List<FieldSpec> fields) {
  public ResourceDraft {
    fields = List.copyOf(fields);
  }
}
