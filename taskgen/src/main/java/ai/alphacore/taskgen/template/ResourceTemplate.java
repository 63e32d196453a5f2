package ai.alphacore.taskgen.template;

import ai.alphacore.core.task.ComparisonRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A building block for one Terraform resource (or a tight group such as secret + version): what
 * it provides and needs, which naming rules its name may get, and how to build it.
 */
public interface ResourceTemplate {
  /** Stable key used in configs and metadata, e.g. {@code vpc_network}. */
  String key();

  /** Human kind used in the task's {@code kind} label, e.g. "vpc network". */
  String kind();

  /** Capabilities this template provides to dependents. */
  Set<String> provides();

  /** Capabilities that must be resolved (pulled in) before this template. */
  List<String> requires();

  /** Capabilities used when present in the task, never pulled in (scheduler targets a topic if any). */
  default List<String> uses() {
    return List.of();
  }

  /** Rules this template's name may get, in draw order; empty when the name takes no rule. */
  List<ComparisonRule> namingRules();

  /**
   * For a required or used capability, the provider naming rules this template's reference
   * field can be judged with. The reference judge compares some references without the rule
   * (B1 and friends), so e.g. a network referenced by a subnetwork must not get ends_with.
   */
  default Set<ComparisonRule> toleratedProviderRules(String capability) {
    return Set.of(ComparisonRule.values());
  }

  /** Number of Terraform resources the template creates (usually 1). */
  default int resourceCount() {
    return 1;
  }

  /** The cloud APIs a miner's project needs for this template. */
  List<String> apis();

  Built build(TemplateContext ctx);

  /** Static design cue kept in metadata (reference "base hints"). */
  default List<String> cues() {
    return List.of();
  }

  static Map<String, String> attrs(String... kv) {
    java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
