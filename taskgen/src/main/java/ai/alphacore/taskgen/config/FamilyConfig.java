package ai.alphacore.taskgen.config;

import java.util.List;

/**
 * @param resources when non-empty, the family's optional templates are narrowed to this list (it
 *     must contain the mandatory ones)
 * @param reason why the family is disabled (free text, kept for people reading the config)
 */
public record FamilyConfig(boolean enabled, List<String> resources, String reason) {
  public FamilyConfig {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
