package ai.alphacore.cloud.cloudsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The regions, zones, machine types and locations cloudsim knows (a subset of GCP's). */
final class Regions {
  private Regions() {}

  static final Map<String, List<String>> ZONES = new LinkedHashMap<>();

  static {
    ZONES.put("us-central1", List.of("a", "b", "c", "f"));
    ZONES.put("us-east1", List.of("b", "c", "d"));
    ZONES.put("us-east4", List.of("a", "b", "c"));
    ZONES.put("us-west1", List.of("a", "b", "c"));
    ZONES.put("us-west2", List.of("a", "b", "c"));
    ZONES.put("europe-west1", List.of("b", "c", "d"));
    ZONES.put("europe-west2", List.of("a", "b", "c"));
    ZONES.put("europe-west4", List.of("a", "b", "c"));
    ZONES.put("asia-east1", List.of("a", "b", "c"));
    ZONES.put("asia-northeast1", List.of("a", "b", "c"));
    ZONES.put("asia-southeast1", List.of("a", "b", "c"));
    ZONES.put("australia-southeast1", List.of("a", "b", "c"));
    ZONES.put("southamerica-east1", List.of("a", "b", "c"));
  }

  static final Set<String> MACHINE_TYPES = Set.of(
      "e2-micro", "e2-small", "e2-medium", "e2-standard-2", "e2-standard-4", "e2-standard-8",
      "n1-standard-1", "n1-standard-2", "n1-standard-4", "n2-standard-2", "n2-standard-4", "f1-micro", "g1-small");

  static final Set<String> MULTI_REGIONS = Set.of("US", "EU", "ASIA", "NAM4", "EUR4", "ASIA1");

  static void region(String region) {
    if (!ZONES.containsKey(region)) {
      throw ApiException.invalid("Invalid value for field 'region': '" + region + "'. Unknown region.");
    }
  }

  static void zone(String zone) {
    if (regionOfZone(zone) == null) throw ApiException.invalid("Invalid value for field 'zone': '" + zone + "'. Unknown zone.");
  }

  /** The region of a zone such as {@code us-central1-a}, or null when unknown. */
  static String regionOfZone(String zone) {
    if (zone == null) return null;
    int i = zone.lastIndexOf('-');
    if (i <= 0) return null;
    List<String> z = ZONES.get(zone.substring(0, i));
    return z != null && z.contains(zone.substring(i + 1)) ? zone.substring(0, i) : null;
  }

  /** Storage locations: a known region (any case) or multi-region; returned upper-case as GCS does. */
  static String bucketLocation(String loc) {
    String up = loc == null ? "US" : loc.toUpperCase(Locale.ROOT);
    if (MULTI_REGIONS.contains(up) || ZONES.containsKey(up.toLowerCase(Locale.ROOT))) return up;
    throw ApiException.invalid("Invalid value for field 'location': '" + loc + "'. The specified location constraint is not valid.");
  }

  /** Artifact Registry, Cloud Scheduler locations: a known region, or (for Artifact Registry) us/europe/asia. */
  static void location(String loc, boolean multiRegionOk) {
    if (ZONES.containsKey(loc) || (multiRegionOk && Set.of("us", "europe", "asia").contains(loc))) return;
    throw ApiException.invalid("Invalid value for field 'location': '" + loc + "'. Unknown location.");
  }
}
