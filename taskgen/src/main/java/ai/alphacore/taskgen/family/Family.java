package ai.alphacore.taskgen.family;

import java.util.List;

/**
 * A composition recipe: mandatory templates, optional ones and how many optionals to add.
 *
 * @param maxOptional null for "all of them"
 * @param disabledReason non-null when the family is off by default, with the reason
 */
public record Family(
    String name, Bank bank, List<String> mandatory, List<String> optional, int minOptional, Integer maxOptional,
    String disabledReason) {

  public Family {
    mandatory = List.copyOf(mandatory);
    optional = List.copyOf(optional);
  }

  public static Family single(String name, String template) {
    return new Family(name, Bank.SINGLE_RESOURCE, List.of(template), List.of(), 0, 0, null);
  }

  public static Family composite(String name, List<String> mandatory, List<String> optional, int min, Integer max) {
    return new Family(name, Bank.COMPOSITE_RESOURCE, mandatory, optional, min, max, null);
  }

  public boolean enabledByDefault() {
    return disabledReason == null;
  }

  /** Optional count bounds as the reference computes them. */
  public int ceiling() {
    return maxOptional == null ? optional.size() : Math.min(maxOptional, optional.size());
  }

  public int floor() {
    return Math.min(minOptional, ceiling());
  }
}
