package ai.alphacore.cloud.gcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every resource type the verifier can read, by Terraform type. */
public final class Readers {
  private static final Map<String, ResourceReader> BY_TYPE;

  static {
    List<ResourceReader> all = new ArrayList<>();
    all.addAll(ComputeReaders.all());
    all.addAll(StorageReaders.all());
    all.addAll(PubSubReaders.all());
    all.add(new ArtifactRegistryReader());
    all.addAll(DnsReaders.all());
    all.addAll(IamReaders.all());
    all.addAll(SecretReaders.all());
    all.add(new SchedulerReader());
    all.add(new LoggingReader());
    Map<String, ResourceReader> m = new LinkedHashMap<>();
    for (ResourceReader r : all) m.put(r.type(), r);
    BY_TYPE = Collections.unmodifiableMap(m);
  }

  private Readers() {}

  public static ResourceReader of(String type) {
    return BY_TYPE.get(type);
  }

  public static Set<String> types() {
    return BY_TYPE.keySet();
  }
}
