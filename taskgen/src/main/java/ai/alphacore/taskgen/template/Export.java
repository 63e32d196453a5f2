package ai.alphacore.taskgen.template;

import ai.alphacore.core.task.ComparisonRule;
import java.util.Map;

/** A capability value a template hands to later templates (see {@link Provided}). */
public record Export(String name, ComparisonRule rule, Map<String, String> attrs, int resourceOffset) {
  public Export {
    attrs = Map.copyOf(attrs);
  }

  public static Export of(String name, ComparisonRule rule, Map<String, String> attrs) {
    return new Export(name, rule, attrs, 0);
  }
}
