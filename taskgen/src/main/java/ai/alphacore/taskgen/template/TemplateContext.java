package ai.alphacore.taskgen.template;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.taskgen.rng.Rng;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a template may use while building: value randomness (same for every miner), name
 * randomness (per miner), its naming rule, what its dependencies provided, and the validator.
 *
 * @param values randomness for structural values (regions, sizes, profiles)
 * @param names randomness for identifiers and tokens
 * @param nameRule the rule chosen for this template's own name (null when it has none)
 * @param firstItem index in the task of this template's first resource
 */
public record TemplateContext(
    TaskSeed seed, String taskId, String nonce, Rng values, Rng names, ComparisonRule nameRule,
    Map<String, Provided> provided, String validatorSa, int firstItem) {

  public Provided require(String capability) {
    Provided p = provided.get(capability);
    if (p == null) throw new IllegalStateException("capability " + capability + " was not resolved before use");
    return p;
  }

  public Optional<Provided> optional(String capability) {
    return Optional.ofNullable(provided.get(capability));
  }

  /** The IAM member string for the validator: serviceAccount: for SA emails, user: otherwise. */
  public String validatorMember() {
    return (validatorSa.endsWith("gserviceaccount.com") ? "serviceAccount:" : "user:") + validatorSa;
  }
}
