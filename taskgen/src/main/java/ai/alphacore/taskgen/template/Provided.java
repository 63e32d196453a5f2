package ai.alphacore.taskgen.template;

import ai.alphacore.core.task.ComparisonRule;
import java.util.Map;

/**
 * What a realized template offers its dependents for one capability: the identifier token, the
 * rule the miner's real name follows, and extra values (region, zone, dns_name, ...).
 *
 * @param item index of the providing resource in the task (0-based, for "the network from item 1")
 */
public record Provided(String capability, String name, ComparisonRule rule, Map<String, String> attrs, int item) {
  public Provided {
    attrs = Map.copyOf(attrs);
  }

  public String attr(String key) {
    String v = attrs.get(key);
    if (v == null) throw new IllegalStateException(capability + " does not provide " + key);
    return v;
  }
}
