package ai.alphacore.taskgen.template;

import java.util.List;
import java.util.Map;

/** What a template produced: its resources and, per provided capability, the exported values. */
public record Built(List<ResourceDraft> resources, Map<String, Export> exports) {
  public Built {
    resources = List.copyOf(resources);
    exports = Map.copyOf(exports);
  }

  public static Built one(ResourceDraft r) {
    return new Built(List.of(r), Map.of());
  }

  public static Built one(ResourceDraft r, String capability, Export e) {
    return new Built(List.of(r), Map.of(capability, e));
  }
}
