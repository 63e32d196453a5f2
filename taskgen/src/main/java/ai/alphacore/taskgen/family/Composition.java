package ai.alphacore.taskgen.family;

import ai.alphacore.taskgen.template.ResourceTemplate;
import java.util.List;
import java.util.Map;

/**
 * Templates of one task in realization order, with the provider chosen for every capability a
 * template requires or uses ({@code resolved.get(templateKey).get(capability) = providerKey}).
 */
public record Composition(List<ResourceTemplate> ordered, Map<String, Map<String, String>> resolved) {
  public int resourceCount() {
    return ordered.stream().mapToInt(ResourceTemplate::resourceCount).sum();
  }

  public List<String> keys() {
    return ordered.stream().map(ResourceTemplate::key).toList();
  }
}
