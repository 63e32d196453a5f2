package ai.alphacore.taskgen.template.gcp;

import ai.alphacore.taskgen.rng.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference's value sets (generation.md section 2, helpers.py). */
public final class GcpValues {
  private GcpValues() {}

  /** Compute regions and their zones (region uniform, then zone uniform). */
  public static final Map<String, List<String>> REGION_ZONES = zones();

  public static final List<String> MACHINE_TYPES = List.of("e2-micro", "e2-small", "e2-medium");
  public static final List<String> BUCKET_LOCATIONS = List.of("US-CENTRAL1", "US-EAST1", "US-WEST1", "EUROPE-WEST1", "ASIA-SOUTHEAST1");
  public static final List<String> STORAGE_CLASSES = List.of("STANDARD", "NEARLINE", "COLDLINE");
  public static final List<String> ARTIFACT_LOCATIONS = List.of("us-central1", "us-east1", "us-west1", "europe-west1", "asia-southeast1");
  public static final List<String> ARTIFACT_FORMATS = List.of("DOCKER", "PYTHON");
  public static final List<String> TOPIC_RETENTION = List.of("600s", "900s", "1200s");
  public static final List<Integer> ACK_DEADLINES = List.of(10, 20, 30, 60);
  public static final List<String> SUBSCRIPTION_TTLS = List.of("86400s", "172800s", "259200s");
  public static final List<String> SCHEDULES = List.of("*/5 * * * *", "*/10 * * * *", "*/15 * * * *", "0 * * * *");
  public static final List<String> LOG_FILTERS = List.of(
      "resource.type=\"gce_instance\"", "severity=\"ERROR\"", "resource.type=\"cloud_function\"",
      "logName=\"projects/PROJECT_ID/logs/syslog\"");
  public static final List<String> DNS_TYPES = List.of("A", "CNAME", "TXT", "MX");
  public static final List<Integer> DNS_TTLS = List.of(300, 600, 1800, 3600);
  public static final List<List<String>> ROLE_PERMISSIONS = List.of(
      List.of("storage.objects.get"), List.of("storage.objects.list", "storage.objects.get"),
      List.of("compute.instances.get"), List.of("pubsub.topics.list", "pubsub.topics.get"));

  public static final String ROLE_BUCKET_VIEWER = "roles/storage.objectViewer";
  public static final String ROLE_PROJECT_VIEWER = "roles/viewer";
  public static final String ROLE_SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";
  public static final String ROLE_SA_VIEWER = "roles/iam.serviceAccountViewer";

  /** Firewall profiles: name, priority, protocol, port (null for icmp). */
  public record FirewallProfile(String name, int priority, String protocol, String port) {}

  public static final List<FirewallProfile> FIREWALL_PROFILES = List.of(
      new FirewallProfile("ssh", 1000, "tcp", "22"),
      new FirewallProfile("http", 1001, "tcp", "80"),
      new FirewallProfile("icmp", 1002, "icmp", null));

  /** Startup-script templates; {token} is substituted; each ends with a newline. */
  public static final List<String> STARTUP_SCRIPTS = List.of(
      "#!/bin/bash\nset -euo pipefail\necho '{token}' > /var/tmp/acore-token\n",
      "#!/bin/bash\nprintf '{token}' > /var/tmp/acore-token\n",
      "#!/bin/bash\n/usr/bin/env echo '{token}' > /var/tmp/acore-token\n");

  /** A zone drawn like the reference: region uniform, then one of its zones. */
  public static String zone(Rng rng) {
    String region = rng.pick(List.copyOf(REGION_ZONES.keySet()));
    return region + "-" + rng.pick(REGION_ZONES.get(region));
  }

  public static String regionOf(String zone) {
    return zone.substring(0, zone.lastIndexOf('-'));
  }

  /** {@code 10.<10..200>.<0..240>.0/24}. */
  public static String cidr(Rng rng) {
    return "10." + rng.between(10, 200) + "." + rng.between(0, 240) + ".0/24";
  }

  private static Map<String, List<String>> zones() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("us-central1", List.of("a", "b", "c", "f"));
    m.put("us-east1", List.of("b", "c", "d"));
    m.put("europe-west1", List.of("b", "c", "d"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
