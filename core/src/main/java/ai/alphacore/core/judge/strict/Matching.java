package ai.alphacore.core.judge.strict;

import ai.alphacore.core.tfstate.StateResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximum bipartite matching of invariants to the resources that satisfy them (Kuhn's
 * augmenting paths). Invariants are tried in task order and resources in state order, so the
 * assignment is deterministic.
 */
final class Matching {
  private Matching() {}

  static StateResource[] maximum(List<List<StateResource>> satisfying) {
    int n = satisfying.size();
    StateResource[] assigned = new StateResource[n];
    Map<StateResource, Integer> owner = new HashMap<>();
    for (int i = 0; i < n; i++) augment(i, satisfying, assigned, owner, new java.util.HashSet<>());
    return assigned;
  }

  private static boolean augment(int i, List<List<StateResource>> sat, StateResource[] assigned,
      Map<StateResource, Integer> owner, java.util.Set<StateResource> seen) {
    for (StateResource r : sat.get(i)) {
      if (!seen.add(r)) continue;
      Integer o = owner.get(r);
      if (o == null || augment(o, sat, assigned, owner, seen)) {
        owner.put(r, i);
        assigned[i] = r;
        return true;
      }
    }
    return false;
  }
}
