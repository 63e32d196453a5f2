package ai.alphacore.core.judge.strict;

import ai.alphacore.core.tfstate.AttributePath;
import ai.alphacore.core.tfstate.StateResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which project a resource lives in: its {@code project} attribute, else the {@code projects/<p>/}
 * part of its id or self-link (unless that is a project number). Resources without either (bucket objects, IAM bindings on a
 * bucket) are not scoped.
 */
final class ProjectScope {
  private static final Pattern PROJECT = Pattern.compile("(?:^|/)projects/([^/]+)/");

  private ProjectScope() {}

  static String projectOf(StateResource r) {
    JsonNode p = AttributePath.resolve(r.attributes(), "values.project");
    if (p.isTextual() && !p.textValue().isEmpty()) return p.textValue();
    for (String f : List.of("values.id", "values.self_link")) {
      JsonNode v = AttributePath.resolve(r.attributes(), f);
      if (v.isTextual()) {
        Matcher m = PROJECT.matcher(v.textValue());
        // A project number cannot be told from an id without the cloud: leave it unscoped.
        if (m.find() && !m.group(1).chars().allMatch(Character::isDigit)) return m.group(1);
      }
    }
    return null;
  }

  static boolean inProject(StateResource r, String project) {
    String p = projectOf(r);
    return p == null || p.equals(project);
  }

  /** The project most of the task's resources live in (ties: alphabetically first); null if none. */
  static String mostCommon(List<StateResource> resources) {
    Map<String, Integer> counts = new TreeMap<>();
    for (StateResource r : resources) {
      String p = projectOf(r);
      if (p != null) counts.merge(p, 1, Integer::sum);
    }
    String best = null;
    int max = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > max) {
        best = e.getKey();
        max = e.getValue();
      }
    }
    return best;
  }
}
