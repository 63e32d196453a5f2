package ai.alphacore.taskgen.config;

import java.util.List;
import java.util.Map;

/**
 * @param resources template whitelist; empty means all templates
 * @param minResources inclusive bound on the number of Terraform resources of a task (null: none)
 * @param families null when the key is absent (every family at its default); otherwise exactly
 *     the families listed, each enabled or not
 */
public record BankConfig(
    boolean enabled, List<String> resources, Integer minResources, Integer maxResources, Map<String, FamilyConfig> families) {
  public BankConfig {
    resources = resources == null ? List.of() : List.copyOf(resources);
    families = families == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(families));
  }

  public static BankConfig defaults() {
    return new BankConfig(true, List.of(), null, null, null);
  }
}
