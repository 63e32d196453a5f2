package ai.alphacore.neurons.miner.agent;

import static ai.alphacore.neurons.miner.agent.ResourceKinds.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a parsed prompt into a plan: names realized per their rule, references resolved to the
 * planned resource they point at (stored the way the provider stores them, and written as
 * Terraform references in main.tf), the defaults a real apply needs (boot image, firewall
 * source range, scheduler region), and the grants the validator needs to read the deployment.
 */
public final class Planner {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String COMPUTE = "https://www.googleapis.com/compute/v1/projects/";
  static final String VIEWER = "roles/viewer";
  static final String SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";

  private final Naming naming;

  public Planner(Naming naming) {
    this.naming = naming;
  }

  /** A resource being planned; refs point at draft indexes. */
  private static final class Draft {
    final String type;
    final int item;
    final ObjectNode attrs = F.objectNode();
    final Map<String, PlannedResource.Ref> refs = new LinkedHashMap<>();
    String token;
    String address;

    Draft(String type, int item) {
      this.type = type;
      this.item = item;
    }

    String name() {
      String a = nameAttr(type);
      return a == null ? null : attrs.path(a).asText(null);
    }
  }

  public Plan plan(ParsedPrompt prompt, String project) {
    List<String> notes = new ArrayList<>(prompt.warnings());
    List<Draft> drafts = new ArrayList<>();
    Map<Integer, Integer> byItem = new HashMap<>();
    for (PromptItem it : prompt.items()) {
      if (it.type() == null) continue;
      Draft d = new Draft(it.type(), it.number());
      d.attrs.put("project", project);
      name(d, it, notes);
      byItem.put(it.number(), drafts.size());
      drafts.add(d);
    }
    // Values first, references second: a reference may need its target's region.
    for (boolean refs : new boolean[] {false, true}) {
      for (PromptItem it : prompt.items()) {
        Integer idx = byItem.get(it.number());
        if (idx == null) continue;
        Draft d = drafts.get(idx);
        for (Clause c : it.clauses()) if (isRefClause(d.type, c) == refs) apply(d, c, drafts, byItem, project, notes);
      }
    }
    implicitReferences(drafts, project, notes);
    for (Draft d : drafts) defaults(d, notes);
    grants(prompt.validatorSa(), drafts, project);
    return new Plan(order(drafts, project), project, notes);
  }

  private static boolean isRefClause(String type, Clause c) {
    String attr = attribute(type, c.field());
    return attr != null && refTarget(type, attr) != null;
  }

  private void name(Draft d, PromptItem it, List<String> notes) {
    String attr = nameAttr(d.type);
    if (attr == null) return;
    for (Clause c : it.clauses()) {
      if (!attr.equals(attribute(d.type, c.field())) || !c.value().isTextual()) continue;
      d.token = c.value().textValue();
      String name = naming.realize(d.type, d.token, c.qualifier());
      List<String> bad = Naming.violations(d.type, name);
      if (!bad.isEmpty()) notes.add("item " + it.number() + ": name " + name + " may be rejected: " + bad.get(0));
      d.attrs.put(attr, name);
      return;
    }
    notes.add("item " + it.number() + ": no name given for the " + it.label());
  }

  private void apply(Draft d, Clause c, List<Draft> drafts, Map<Integer, Integer> byItem, String project, List<String> notes) {
    String attr = attribute(d.type, c.field());
    if (attr == null) {
      notes.add("item " + d.item + ": field '" + PromptParser.shorten(c.field()) + "' not understood");
      return;
    }
    if (attr.equals(nameAttr(d.type))) return;
    String target = refTarget(d.type, attr);
    if (target != null) {
      reference(d, attr, target, c, drafts, byItem, project);
      return;
    }
    JsonNode v = c.value();
    switch (attr) {
      case "replication" -> {
        ArrayNode rep = F.arrayNode();
        rep.addObject().<ObjectNode>set("auto", F.arrayNode().add(F.objectNode().set("customer_managed_encryption", F.arrayNode())))
            .set("user_managed", F.arrayNode());
        d.attrs.set("replication", rep);
      }
      case "permissions" -> {
        ArrayNode list = d.attrs.has("permissions") ? (ArrayNode) d.attrs.get("permissions") : d.attrs.putArray("permissions");
        if (v.isArray()) v.forEach(x -> addUnique(list, x.asText()));
        else addUnique(list, v.asText());
      }
      case "allow.0.ports.0" -> Attrs.set(d.attrs, "allow.0.ports", F.arrayNode().add(v.asText()));
      default -> Attrs.set(d.attrs, attr, typed(attr, v));
    }
  }

  /** The value typed as the provider stores the attribute (ints, booleans, lists, strings). */
  static JsonNode typed(String attr, JsonNode v) {
    if (isInt(attr) && v.isTextual() && v.textValue().trim().matches("-?\\d{1,9}")) return F.numberNode(Integer.parseInt(v.textValue().trim()));
    if (isBool(attr) && v.isTextual()) {
      String t = v.textValue().trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) return F.booleanNode(t.equals("true"));
    }
    if (isList(attr) && !v.isArray()) return F.arrayNode().add(v.asText());
    if (!isInt(attr) && !isBool(attr) && !isList(attr) && !v.isTextual() && !v.isArray()) return F.textNode(v.asText());
    return v;
  }

  private static void addUnique(ArrayNode list, String s) {
    for (JsonNode x : list) if (x.asText().equals(s)) return;
    list.add(s);
  }

  private void reference(Draft d, String attr, String targetType, Clause c, List<Draft> drafts, Map<Integer, Integer> byItem, String project) {
    String literal = c.value().asText();
    int t = -1;
    if (c.refItem() > 0 && byItem.containsKey(c.refItem()) && drafts.get(byItem.get(c.refItem())).type.equals(targetType)) {
      t = byItem.get(c.refItem());
    } else {
      String bare = literal.startsWith("storage.googleapis.com/") ? literal.substring("storage.googleapis.com/".length()) : literal;
      for (int i = 0; i < drafts.size(); i++) {
        Draft x = drafts.get(i);
        if (x.type.equals(targetType) && (bare.equals(x.token) || bare.equals(x.name()))) t = i;
      }
    }
    if (t >= 0) {
      Draft target = drafts.get(t);
      Attrs.set(d.attrs, attr, F.textNode(stored(d.type, attr, target.type, target.name(), target.attrs, project)));
      d.refs.put(attr, new PlannedResource.Ref(t, expression(d.type, attr)));
      return;
    }
    // Not in the task: an existing resource, named per the rule the prompt gives.
    String bare = literal.startsWith("storage.googleapis.com/") ? literal.substring("storage.googleapis.com/".length()) : literal;
    String name = naming.realize(targetType, bare, c.qualifier());
    Attrs.set(d.attrs, attr, F.textNode(stored(d.type, attr, targetType, name, F.objectNode(), project)));
  }

  /** How the Google provider stores a reference to {@code name} in attribute {@code attr}. */
  static String stored(String type, String attr, String targetType, String name, ObjectNode target, String project) {
    return switch (targetType) {
      case NETWORK -> COMPUTE + project + "/global/networks/" + name;
      case SUBNETWORK -> COMPUTE + project + "/regions/" + target.path("region").asText("us-central1") + "/subnetworks/" + name;
      case BUCKET -> type.equals(SINK) ? "storage.googleapis.com/" + name : type.equals(BUCKET_IAM) ? "b/" + name : name;
      case TOPIC -> "projects/" + project + "/topics/" + name;
      case SECRET -> "projects/" + project + "/secrets/" + name;
      case SERVICE_ACCOUNT -> "projects/" + project + "/serviceAccounts/" + name + "@" + project + ".iam.gserviceaccount.com";
      default -> name;
    };
  }

  /** The Terraform reference main.tf writes for an attribute ({@code %s} is the target address). */
  static String expression(String type, String attr) {
    return switch (type + " " + attr) {
      case SUBNETWORK + " network", INSTANCE + " network_interface.0.network" -> "%s.self_link";
      case FIREWALL + " network" -> "%s.name";
      case INSTANCE + " network_interface.0.subnetwork" -> "%s.self_link";
      case SINK + " destination" -> "\"storage.googleapis.com/${%s.name}\"";
      case SECRET_IAM + " secret_id" -> "%s.secret_id";
      case SA_IAM + " service_account_id" -> "%s.name";
      case SUBSCRIPTION + " topic", SCHEDULER + " pubsub_target.0.topic_name", SECRET_VERSION + " secret" -> "%s.id";
      default -> "%s.name";
    };
  }

  /** References a resource cannot do without, per type. */
  private static final Map<String, String> REQUIRED = Map.of(
      SUBNETWORK, "network", FIREWALL, "network", OBJECT, "bucket", SUBSCRIPTION, "topic", DNS_RECORD, "managed_zone",
      SECRET_VERSION, "secret", SECRET_IAM, "secret_id", SA_IAM, "service_account_id", BUCKET_IAM, "bucket", SINK, "destination");

  /**
   * A required reference the prompt left unsaid ("upload an object into that bucket") points
   * at the nearest earlier resource of the target type, else the only one.
   */
  private static void implicitReferences(List<Draft> drafts, String project, List<String> notes) {
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      String attr = REQUIRED.get(d.type);
      if (attr == null || !Attrs.get(d.attrs, attr).isMissingNode()) continue;
      String targetType = refTarget(d.type, attr);
      int t = -1;
      for (int j = i - 1; j >= 0 && t < 0; j--) if (drafts.get(j).type.equals(targetType)) t = j;
      for (int j = i + 1; j < drafts.size() && t < 0; j++) if (drafts.get(j).type.equals(targetType)) t = j;
      if (t < 0) {
        notes.add("item " + d.item + ": no " + targetType + " to attach to");
        continue;
      }
      Draft target = drafts.get(t);
      Attrs.set(d.attrs, attr, F.textNode(stored(d.type, attr, target.type, target.name(), target.attrs, project)));
      d.refs.put(attr, new PlannedResource.Ref(t, expression(d.type, attr)));
      notes.add("item " + d.item + ": " + attr + " taken to be item " + target.item);
    }
  }

  /** What a real apply needs beyond the prompt; never overrides a value the prompt gives. */
  private static void defaults(Draft d, List<String> notes) {
    ObjectNode a = d.attrs;
    switch (d.type) {
      case NETWORK -> putIfAbsent(a, "auto_create_subnetworks", F.booleanNode(false));
      case FIREWALL -> {
        putIfAbsent(a, "direction", F.textNode("INGRESS"));
        if (!a.has("allow")) notes.add("item " + d.item + ": no allowed protocol given; allowing icmp");
        if (!a.has("allow")) Attrs.set(a, "allow.0.protocol", F.textNode("icmp"));
        if ("INGRESS".equalsIgnoreCase(a.path("direction").asText()) && !a.has("source_ranges")) a.putArray("source_ranges").add("0.0.0.0/0");
      }
      case INSTANCE -> {
        putIfAbsent(a, "zone", F.textNode("us-central1-a"));
        putIfAbsent(a, "machine_type", F.textNode("e2-micro"));
        if (!a.has("network_interface")) Attrs.set(a, "network_interface.0.network", F.textNode("default"));
        Attrs.set(a, "boot_disk.0.initialize_params.0.image", F.textNode("debian-cloud/debian-12"));
      }
      case BUCKET -> {
        putIfAbsent(a, "location", F.textNode("US"));
        a.put("uniform_bucket_level_access", true);
        a.put("force_destroy", true);
      }
      case OBJECT -> putIfAbsent(a, "content_type", F.textNode("text/plain"));
      case SCHEDULER -> {
        a.put("region", "us-central1");
        putIfAbsent(a, "time_zone", F.textNode("Etc/UTC"));
        if (a.has("pubsub_target") && !a.path("pubsub_target").path(0).has("data")) Attrs.set(a, "pubsub_target.0.data", F.textNode("cGluZw=="));
        if (!a.has("pubsub_target") && !a.has("http_target")) notes.add("item " + d.item + ": scheduler job without a target");
      }
      case CUSTOM_ROLE -> {
        putIfAbsent(a, "title", F.textNode(a.path("role_id").asText("role")));
        a.put("stage", "GA");
      }
      case SINK -> a.put("unique_writer_identity", true);
      case SECRET -> {
        if (!a.has("replication")) {
          ArrayNode rep = a.putArray("replication");
          rep.addObject().<ObjectNode>set("auto", F.arrayNode().add(F.objectNode().set("customer_managed_encryption", F.arrayNode())))
              .set("user_managed", F.arrayNode());
        }
      }
      default -> { }
    }
  }

  private static void putIfAbsent(ObjectNode a, String k, JsonNode v) {
    if (!a.has(k)) a.set(k, v);
  }

  /**
   * The validator refreshes the state with its own identity: project viewer (the grant every
   * prompt asks for), and secret accessor on each secret whose version it must read.
   */
  private static void grants(String sa, List<Draft> drafts, String project) {
    if (sa == null) return;
    String member = (sa.endsWith(".gserviceaccount.com") ? "serviceAccount:" : "user:") + sa;
    boolean viewer = drafts.stream().anyMatch(d -> d.type.equals(PROJECT_IAM) && VIEWER.equals(d.attrs.path("role").asText())
        && member.equalsIgnoreCase(d.attrs.path("member").asText()));
    int n = drafts.size();
    for (int i = 0; i < n; i++) {
      Draft s = drafts.get(i);
      if (!s.type.equals(SECRET) || s.name() == null) continue;
      final int idx = i;
      boolean hasVersion = drafts.stream().anyMatch(d -> d.type.equals(SECRET_VERSION) && d.refs.values().stream().anyMatch(r -> r.target() == idx));
      boolean granted = drafts.stream().anyMatch(d -> d.type.equals(SECRET_IAM) && SECRET_ACCESSOR.equals(d.attrs.path("role").asText())
          && member.equalsIgnoreCase(d.attrs.path("member").asText()) && d.refs.values().stream().anyMatch(r -> r.target() == idx));
      if (!hasVersion || granted) continue;
      Draft g = new Draft(SECRET_IAM, 0);
      g.address = "validator_secret_" + s.item;
      g.attrs.put("project", project).put("secret_id", "projects/" + project + "/secrets/" + s.name()).put("role", SECRET_ACCESSOR).put("member", member);
      g.refs.put("secret_id", new PlannedResource.Ref(idx, "%s.secret_id"));
      drafts.add(g);
    }
    if (!viewer) {
      Draft g = new Draft(PROJECT_IAM, 0);
      g.address = "validator_viewer";
      g.attrs.put("project", project).put("role", VIEWER).put("member", member);
      drafts.add(g);
    }
  }

  /** Stable topological order (prompt order where possible) with references remapped. */
  private static List<PlannedResource> order(List<Draft> drafts, String project) {
    int n = drafts.size();
    List<Integer> order = new ArrayList<>();
    boolean[] placed = new boolean[n];
    while (order.size() < n) {
      boolean progress = false;
      for (int i = 0; i < n; i++) {
        if (placed[i]) continue;
        final int self = i;
        boolean ready = drafts.get(i).refs.values().stream().allMatch(r -> r.target() == self || placed[r.target()]);
        if (ready) {
          placed[i] = true;
          order.add(i);
          progress = true;
        }
      }
      if (!progress) {
        for (int i = 0; i < n; i++) if (!placed[i]) { placed[i] = true; order.add(i); } // cycle: keep prompt order
      }
    }
    int[] pos = new int[n];
    for (int k = 0; k < n; k++) pos[order.get(k)] = k;
    Map<String, Integer> used = new HashMap<>();
    List<PlannedResource> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Draft d = drafts.get(order.get(k));
      Map<String, PlannedResource.Ref> refs = new LinkedHashMap<>();
      d.refs.forEach((attr, r) -> refs.put(attr, new PlannedResource.Ref(pos[r.target()], r.expression())));
      String addr = d.address != null ? d.address : localName(d.type) + "_" + d.item;
      int dup = used.merge(d.type + "." + addr, 1, Integer::sum);
      if (dup > 1) addr = addr + "_" + dup;
      out.add(new PlannedResource(d.type, addr, d.item, d.attrs, refs));
    }
    return out;
  }

  static String localName(String type) {
    return switch (type) {
      case NETWORK -> "vpc";
      case SUBNETWORK -> "subnet";
      case FIREWALL -> "firewall";
      case INSTANCE -> "vm";
      case BUCKET -> "bucket";
      case OBJECT -> "object";
      case ARTIFACT -> "repo";
      case TOPIC -> "topic";
      case SUBSCRIPTION -> "subscription";
      case DNS_ZONE -> "zone";
      case DNS_RECORD -> "record";
      case SCHEDULER -> "job";
      case CUSTOM_ROLE -> "role";
      case SINK -> "sink";
      case SECRET -> "secret";
      case SECRET_VERSION -> "secret_version";
      case SERVICE_ACCOUNT -> "sa";
      default -> "binding";
    };
  }
}
