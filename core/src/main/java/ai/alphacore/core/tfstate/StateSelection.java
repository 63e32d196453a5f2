package ai.alphacore.core.tfstate;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a judge needs from a state: which resource types, and per type which top-level
 * attribute keys. Everything else is skipped unparsed, which is what keeps large states fast.
 *
 * @param types which resource types to keep
 * @param attributes per type, the attribute keys to keep; a type without an entry keeps all
 */
public record StateSelection(Predicate<String> types, Map<String, Set<String>> attributes) {
  public StateSelection {
    attributes = Map.copyOf(attributes);
  }

  /** Every attribute of the types the predicate accepts. */
  public static StateSelection matching(Predicate<String> types) {
    return new StateSelection(types, Map.of());
  }

  /**
   * The types of {@code pathsByType}, each keeping the first attribute of its invariant paths
   * ({@code values.network_interface.0.subnetwork} keeps {@code network_interface}) and the
   * {@code alwaysKeep} keys that checks read beside the paths.
   */
  public static StateSelection forPaths(Map<String, ? extends java.util.Collection<String>> pathsByType, Set<String> alwaysKeep) {
    Map<String, Set<String>> keys = new java.util.HashMap<>();
    pathsByType.forEach((type, paths) -> {
      Set<String> k = keys.computeIfAbsent(type, t -> new java.util.HashSet<>(alwaysKeep));
      for (String path : paths) {
        String rest = AttributePath.strip(path);
        int dot = rest.indexOf('.');
        k.add(dot < 0 ? rest : rest.substring(0, dot));
      }
    });
    Set<String> types = Set.copyOf(pathsByType.keySet());
    return new StateSelection(types::contains, keys);
  }

  public boolean keepType(String type) {
    return types.test(type);
  }

  /** The keys to keep for a type, or null for all of them. */
  public Set<String> keys(String type) {
    return attributes.get(type);
  }
}
