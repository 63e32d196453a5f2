package ai.alphacore.taskgen;

import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.config.TaskgenConfig;
import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.provider.GcpProvider;
import ai.alphacore.taskgen.template.ResourceTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared test setup: the bundled config and every family and template as a selection. */
public final class Fixtures {
  public static final GcpProvider GCP = new GcpProvider();

  private Fixtures() {}

  public static TaskgenConfig defaultConfig() {
    return new ConfigLoader(GCP, Map.of()).loadDefault();
  }

  public static TaskGenerator generator() {
    return new TaskGenerator(GCP, defaultConfig());
  }

  /** 22 families then 21 single templates (with dependencies). */
  public static List<Selection> everySelection() {
    List<Selection> out = new ArrayList<>();
    for (Family f : GCP.families()) out.add(Selection.family(f.name()));
    for (ResourceTemplate t : GCP.templates()) out.add(Selection.resource(t.key()));
    return out;
  }

  public static String label(Selection s) {
    return s.family() != null ? s.family() : "resource:" + s.resource();
  }
}
