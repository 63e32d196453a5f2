package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compute Engine v1: networks, subnetworks, firewalls, instances and their operations. Inserts
 * and deletes answer with an Operation that is RUNNING until first polled, then DONE.
 */
final class ComputeApi {
  private static final String V1 = "/compute/v1/projects/{project}";
  private static final Pattern REF = Pattern.compile("^(?:https?://[^/]+/compute/(?:v1|beta)/)?(?:projects/([^/]+)/)?(global|regions/[^/]+|zones/[^/]+)/([a-zA-Z]+)/([^/]+)$");
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "esp", "ah", "sctp", "ipip", "all");
  private static final Pattern PORT = Pattern.compile("^([0-9]{1,5})(-([0-9]{1,5}))?$");
  private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9_-]{1,128}$");

  private final Sim sim;

  ComputeApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", V1 + "/global/networks", this::insertNetwork);
    r.add("GET", V1 + "/global/networks", q -> list(q, "compute.network", "projects/" + q.p("project") + "/global", "compute#networkList", "global/networks"));
    r.add("GET", V1 + "/global/networks/{name}", q -> get(q, "projects/" + q.p("project") + "/global/networks/" + q.p("name")));
    r.add("DELETE", V1 + "/global/networks/{name}", this::deleteNetwork);
    r.add("POST", V1 + "/regions/{region}/subnetworks", this::insertSubnetwork);
    r.add("GET", V1 + "/regions/{region}/subnetworks", q -> list(q, "compute.subnetwork", "projects/" + q.p("project") + "/regions/" + q.p("region"), "compute#subnetworkList", "regions/" + q.p("region") + "/subnetworks"));
    r.add("GET", V1 + "/regions/{region}/subnetworks/{name}", q -> get(q, "projects/" + q.p("project") + "/regions/" + q.p("region") + "/subnetworks/" + q.p("name")));
    r.add("DELETE", V1 + "/regions/{region}/subnetworks/{name}", this::deleteSubnetwork);
    r.add("POST", V1 + "/global/firewalls", this::insertFirewall);
    r.add("GET", V1 + "/global/firewalls", q -> list(q, "compute.firewall", "projects/" + q.p("project") + "/global", "compute#firewallList", "global/firewalls"));
    r.add("GET", V1 + "/global/firewalls/{name}", q -> get(q, "projects/" + q.p("project") + "/global/firewalls/" + q.p("name")));
    r.add("DELETE", V1 + "/global/firewalls/{name}", q -> delete(q, "projects/" + q.p("project") + "/global/firewalls/" + q.p("name"), "global", null));
    r.add("POST", V1 + "/zones/{zone}/instances", this::insertInstance);
    r.add("GET", V1 + "/zones/{zone}/instances", q -> list(q, "compute.instance", "projects/" + q.p("project") + "/zones/" + q.p("zone"), "compute#instanceList", "zones/" + q.p("zone") + "/instances"));
    r.add("GET", V1 + "/zones/{zone}/instances/{name}", q -> get(q, "projects/" + q.p("project") + "/zones/" + q.p("zone") + "/instances/" + q.p("name")));
    r.add("DELETE", V1 + "/zones/{zone}/instances/{name}", q -> delete(q, "projects/" + q.p("project") + "/zones/" + q.p("zone") + "/instances/" + q.p("name"), "zones", q.p("zone")));
    for (String scope : new String[] {"/global", "/regions/{region}", "/zones/{zone}"}) {
      r.add("GET", V1 + scope + "/operations/{operation}", this::operation);
      r.add("POST", V1 + scope + "/operations/{operation}/wait", this::operation);
    }
  }

  // ---- networks

  private Object insertNetwork(Req r) {
    String project = project(r, Need.WRITE);
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.compute(name, "resource.name");
    String key = "projects/" + project + "/global/networks/" + name;
    ObjectNode n = Sim.obj();
    n.put("kind", "compute#network");
    n.put("id", sim.numericId());
    n.put("creationTimestamp", sim.computeNow());
    n.put("name", name);
    n.put("description", desc(b));
    n.put("selfLink", Sim.COMPUTE + key);
    n.put("selfLinkWithId", Sim.COMPUTE + "projects/" + project + "/global/networks/" + n.path("id").asText());
    n.put("autoCreateSubnetworks", !b.has("autoCreateSubnetworks") || b.get("autoCreateSubnetworks").asBoolean());
    n.putArray("subnetworks");
    String mode = b.path("routingConfig").path("routingMode").asText("REGIONAL");
    if (!Set.of("REGIONAL", "GLOBAL").contains(mode)) throw ApiException.invalid("Invalid value for field 'resource.routingConfig.routingMode': '" + mode + "'.");
    n.putObject("routingConfig").put("routingMode", mode);
    int mtu = b.path("mtu").asInt(1460);
    if (mtu < 1300 || mtu > 8896) throw ApiException.invalid("Invalid value for field 'resource.mtu': '" + mtu + "'. Must be between 1300 and 8896.");
    n.put("mtu", mtu);
    n.put("networkFirewallPolicyEnforcementOrder", b.path("networkFirewallPolicyEnforcementOrder").asText("AFTER_CLASSIC_FIREWALL"));
    sim.insert(key, "compute.network", project, "projects/" + project + "/global", n);
    return operation(r, project, "global", null, "insert", n);
  }

  private Object deleteNetwork(Req r) {
    String project = project(r, Need.WRITE);
    String key = "projects/" + project + "/global/networks/" + r.p("name");
    ObjectNode n = sim.get(key);
    String link = n.path("selfLink").asText();
    for (String kind : new String[] {"compute.subnetwork", "compute.firewall"}) {
      for (ObjectNode o : sim.store.inProject(kind, project)) {
        if (link.equals(o.path("network").asText())) throw inUse(key, o);
      }
    }
    for (ObjectNode i : sim.store.inProject("compute.instance", project)) {
      for (JsonNode nic : i.path("networkInterfaces")) if (link.equals(nic.path("network").asText())) throw inUse(key, i);
    }
    sim.store.delete(key);
    return operation(r, project, "global", null, "delete", n);
  }

  // ---- subnetworks

  private Object insertSubnetwork(Req r) {
    String project = project(r, Need.WRITE);
    String region = r.p("region");
    Regions.region(region);
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.compute(name, "resource.name");
    String networkKey = ref(Sim.required(b, "network", "resource.network"), project, "global", "networks");
    ObjectNode network = sim.store.get(networkKey).orElseThrow(() -> ApiException.notFound(networkKey));
    String cidr = Sim.required(b, "ipCidrRange", "resource.ipCidrRange");
    Names.cidr(cidr);
    for (ObjectNode other : sim.store.inProject("compute.subnetwork", project)) {
      if (other.path("network").asText().equals(network.path("selfLink").asText()) && overlaps(cidr, other.path("ipCidrRange").asText())) {
        throw ApiException.invalid("Invalid IPCidrRange: " + cidr + " conflicts with existing subnetwork '" + other.path("name").asText()
            + "' in region '" + Names.last(other.path("region").asText()) + "'.");
      }
    }
    String key = "projects/" + project + "/regions/" + region + "/subnetworks/" + name;
    ObjectNode s = Sim.obj();
    s.put("kind", "compute#subnetwork");
    s.put("id", sim.numericId());
    s.put("creationTimestamp", sim.computeNow());
    s.put("name", name);
    s.put("description", desc(b));
    s.put("network", network.path("selfLink").asText());
    s.put("ipCidrRange", cidr);
    s.put("gatewayAddress", host(cidr, 1));
    s.put("region", Sim.COMPUTE + "projects/" + project + "/regions/" + region);
    s.put("selfLink", Sim.COMPUTE + key);
    s.put("privateIpGoogleAccess", b.path("privateIpGoogleAccess").asBoolean(false));
    s.set("secondaryIpRanges", b.has("secondaryIpRanges") ? b.get("secondaryIpRanges") : Sim.obj().arrayNode());
    s.put("fingerprint", sim.fingerprint());
    s.put("purpose", b.path("purpose").asText("PRIVATE"));
    s.put("stackType", b.path("stackType").asText("IPV4_ONLY"));
    s.put("privateIpv6GoogleAccess", b.path("privateIpv6GoogleAccess").asText("DISABLE_GOOGLE_ACCESS"));
    if (b.has("logConfig")) s.set("logConfig", b.get("logConfig"));
    s.put("__nextHost", 2);
    sim.insert(key, "compute.subnetwork", project, "projects/" + project + "/regions/" + region, s);
    ((ArrayNode) network.withArray("subnetworks")).add(s.path("selfLink").asText());
    sim.replace(networkKey, network);
    return operation(r, project, "regions", region, "insert", s);
  }

  private Object deleteSubnetwork(Req r) {
    String project = project(r, Need.WRITE);
    String key = "projects/" + project + "/regions/" + r.p("region") + "/subnetworks/" + r.p("name");
    ObjectNode s = sim.get(key);
    String link = s.path("selfLink").asText();
    for (ObjectNode i : sim.store.inProject("compute.instance", project)) {
      for (JsonNode nic : i.path("networkInterfaces")) if (link.equals(nic.path("subnetwork").asText())) throw inUse(key, i);
    }
    sim.store.delete(key);
    String netKey = ref(s.path("network").asText(), project, "global", "networks");
    sim.store.get(netKey).ifPresent(n -> {
      ArrayNode subs = (ArrayNode) n.withArray("subnetworks");
      for (int i = subs.size() - 1; i >= 0; i--) if (subs.get(i).asText().equals(link)) subs.remove(i);
      sim.replace(netKey, n);
    });
    return operation(r, project, "regions", r.p("region"), "delete", s);
  }

  // ---- firewalls

  private Object insertFirewall(Req r) {
    String project = project(r, Need.WRITE);
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.compute(name, "resource.name");
    String networkLink = networkLink(b.hasNonNull("network") ? b.get("network").asText() : "global/networks/default", project);
    int priority = b.path("priority").asInt(1000);
    if (b.has("priority") && !b.get("priority").canConvertToInt() || priority < 0 || priority > 65535) {
      throw ApiException.invalid("Invalid value for field 'resource.priority': '" + b.path("priority").asText() + "'. Must be between 0 and 65535.");
    }
    String direction = b.path("direction").asText("INGRESS").toUpperCase(Locale.ROOT);
    if (!Set.of("INGRESS", "EGRESS").contains(direction)) throw ApiException.invalid("Invalid value for field 'resource.direction': '" + direction + "'.");
    ArrayNode allowed = rules(b.path("allowed"), "allowed");
    ArrayNode denied = rules(b.path("denied"), "denied");
    if (allowed.isEmpty() == denied.isEmpty()) {
      throw ApiException.invalid("Invalid value for field 'resource': exactly one of 'allowed' or 'denied' must hold at least one rule.");
    }
    String key = "projects/" + project + "/global/firewalls/" + name;
    ObjectNode f = Sim.obj();
    f.put("kind", "compute#firewall");
    f.put("id", sim.numericId());
    f.put("creationTimestamp", sim.computeNow());
    f.put("name", name);
    f.put("description", desc(b));
    f.put("network", networkLink);
    f.put("priority", priority);
    ArrayNode src = ranges(b.path("sourceRanges"), "sourceRanges");
    if (direction.equals("INGRESS") && src.isEmpty() && !b.has("sourceTags") && !b.has("sourceServiceAccounts")) src.add("0.0.0.0/0");
    if (!src.isEmpty()) f.set("sourceRanges", src);
    ArrayNode dst = ranges(b.path("destinationRanges"), "destinationRanges");
    if (direction.equals("EGRESS") && dst.isEmpty()) dst.add("0.0.0.0/0");
    if (!dst.isEmpty()) f.set("destinationRanges", dst);
    for (String k : new String[] {"sourceTags", "targetTags", "sourceServiceAccounts", "targetServiceAccounts"}) {
      if (b.has(k)) f.set(k, b.get(k));
    }
    if (!allowed.isEmpty()) f.set("allowed", allowed);
    if (!denied.isEmpty()) f.set("denied", denied);
    f.put("direction", direction);
    f.putObject("logConfig").put("enable", b.path("logConfig").path("enable").asBoolean(false));
    f.put("disabled", b.path("disabled").asBoolean(false));
    f.put("selfLink", Sim.COMPUTE + key);
    sim.insert(key, "compute.firewall", project, "projects/" + project + "/global", f);
    return operation(r, project, "global", null, "insert", f);
  }

  private static ArrayNode rules(JsonNode in, String field) {
    ArrayNode out = Sim.obj().arrayNode();
    if (in.isMissingNode() || in.isNull()) return out;
    if (!in.isArray()) throw ApiException.invalid("Invalid value for field 'resource." + field + "': must be a list.");
    for (JsonNode rule : in) {
      String proto = rule.path("IPProtocol").asText("").toLowerCase(Locale.ROOT);
      if (!PROTOCOLS.contains(proto) && !proto.matches("[0-9]{1,3}")) {
        throw ApiException.invalid("Invalid value for field 'resource." + field + ".IPProtocol': '" + proto + "'.");
      }
      ObjectNode o = out.addObject();
      o.put("IPProtocol", proto);
      JsonNode ports = rule.path("ports");
      if (ports.isArray() && !ports.isEmpty()) {
        if (!Set.of("tcp", "udp", "sctp").contains(proto)) {
          throw ApiException.invalid("Invalid value for field 'resource." + field + ".ports': ports may only be given for tcp, udp or sctp.");
        }
        ArrayNode p = o.putArray("ports");
        for (JsonNode port : ports) {
          Matcher m = PORT.matcher(port.asText());
          boolean ok = m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 65535
              && (m.group(3) == null || (Integer.parseInt(m.group(3)) <= 65535 && Integer.parseInt(m.group(3)) >= Integer.parseInt(m.group(1))));
          if (!ok) throw ApiException.invalid("Invalid value for field 'resource." + field + ".ports': '" + port.asText() + "'.");
          p.add(port.asText());
        }
      }
    }
    return out;
  }

  private static ArrayNode ranges(JsonNode in, String field) {
    ArrayNode out = Sim.obj().arrayNode();
    if (!in.isArray()) return out;
    for (JsonNode r : in) {
      String s = r.asText();
      String ip = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
      if (!Names.ipv4(ip)) throw ApiException.invalid("Invalid value for field 'resource." + field + "': '" + s + "'. Must be an IPv4 range.");
      out.add(s);
    }
    return out;
  }

  // ---- instances

  private Object insertInstance(Req r) {
    String project = project(r, Need.WRITE);
    String zone = r.p("zone");
    Regions.zone(zone);
    String region = Regions.regionOfZone(zone);
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.compute(name, "resource.name");
    String mt = Names.last(Sim.required(b, "machineType", "resource.machineType"));
    if (!Regions.MACHINE_TYPES.contains(mt)) throw ApiException.invalid("Invalid value for field 'resource.machineType': '" + b.path("machineType").asText() + "'. Machine type with name '" + mt + "' does not exist in zone '" + zone + "'.");
    String mtZone = b.path("machineType").asText().contains("/zones/") ? b.path("machineType").asText().replaceAll(".*/zones/([^/]+)/.*", "$1") : zone;
    if (!mtZone.equals(zone)) throw ApiException.invalid("Invalid value for field 'resource.machineType': machine type zone '" + mtZone + "' differs from instance zone '" + zone + "'.");
    String key = "projects/" + project + "/zones/" + zone + "/instances/" + name;
    if (sim.store.get(key).isPresent()) throw ApiException.exists(key);
    JsonNode nics = b.path("networkInterfaces");
    if (!nics.isArray() || nics.isEmpty()) throw ApiException.invalid("Invalid value for field 'resource.networkInterfaces': at least one network interface is required.");
    ObjectNode i = Sim.obj();
    i.put("kind", "compute#instance");
    i.put("id", sim.numericId());
    i.put("creationTimestamp", sim.computeNow());
    i.put("name", name);
    i.put("description", desc(b));
    ObjectNode tags = i.putObject("tags");
    if (b.path("tags").path("items").isArray()) tags.set("items", b.path("tags").path("items"));
    tags.put("fingerprint", sim.fingerprint());
    i.put("machineType", Sim.COMPUTE + "projects/" + project + "/zones/" + zone + "/machineTypes/" + mt);
    i.put("status", "RUNNING");
    i.put("zone", Sim.COMPUTE + "projects/" + project + "/zones/" + zone);
    i.put("canIpForward", b.path("canIpForward").asBoolean(false));
    ArrayNode outNics = i.putArray("networkInterfaces");
    int idx = 0;
    for (JsonNode nic : nics) outNics.add(nic(nic, project, region, idx++));
    i.set("disks", disks(b.path("disks"), project, zone, name));
    i.set("metadata", metadata(b.path("metadata")));
    ArrayNode sas = i.putArray("serviceAccounts");
    for (JsonNode sa : b.path("serviceAccounts")) sas.add(sa);
    i.put("selfLink", Sim.COMPUTE + key);
    ObjectNode sched = i.putObject("scheduling");
    JsonNode s = b.path("scheduling");
    sched.put("onHostMaintenance", s.path("onHostMaintenance").asText("MIGRATE"));
    sched.put("automaticRestart", s.path("automaticRestart").asBoolean(true));
    sched.put("preemptible", s.path("preemptible").asBoolean(false));
    sched.put("provisioningModel", s.path("provisioningModel").asText("STANDARD"));
    i.put("cpuPlatform", "Intel Broadwell");
    Names.labels(b.get("labels"));
    if (b.hasNonNull("labels") && !b.get("labels").isEmpty()) i.set("labels", b.get("labels"));
    i.put("labelFingerprint", sim.fingerprint());
    i.put("startRestricted", false);
    i.put("deletionProtection", b.path("deletionProtection").asBoolean(false));
    ObjectNode shielded = i.putObject("shieldedInstanceConfig");
    JsonNode sh = b.path("shieldedInstanceConfig");
    shielded.put("enableSecureBoot", sh.path("enableSecureBoot").asBoolean(false));
    shielded.put("enableVtpm", sh.path("enableVtpm").asBoolean(true));
    shielded.put("enableIntegrityMonitoring", sh.path("enableIntegrityMonitoring").asBoolean(true));
    i.put("fingerprint", sim.fingerprint());
    i.put("lastStartTimestamp", sim.computeNow());
    sim.insert(key, "compute.instance", project, "projects/" + project + "/zones/" + zone, i);
    return operation(r, project, "zones", zone, "insert", i);
  }

  private ObjectNode nic(JsonNode in, String project, String region, int idx) {
    String subnetLink = null;
    String networkLink;
    ObjectNode subnet = null;
    if (in.hasNonNull("subnetwork")) {
      String sk = ref(in.get("subnetwork").asText(), project, "regions/" + region, "subnetworks");
      if (sk.equals("projects/" + project + "/regions/" + region + "/subnetworks/default")) ensureDefaultNetwork(project);
      subnet = sim.store.get(sk).orElseThrow(() -> ApiException.notFound(sk));
      if (!sk.contains("/regions/" + region + "/")) {
        throw ApiException.invalid("Invalid value for field 'resource.networkInterfaces[" + idx + "].subnetwork': '" + in.get("subnetwork").asText()
            + "'. Subnetwork should belong to the instance region (" + region + ").");
      }
      subnetLink = subnet.path("selfLink").asText();
    }
    if (in.hasNonNull("network")) {
      networkLink = networkLink(in.get("network").asText(), project);
      if (subnet != null && !subnet.path("network").asText().equals(networkLink)) {
        throw ApiException.invalid("Invalid value for field 'resource.networkInterfaces[" + idx + "].network': subnetwork '"
            + subnet.path("name").asText() + "' does not belong to network '" + Names.last(networkLink) + "'.");
      }
    } else if (subnet != null) {
      networkLink = subnet.path("network").asText();
    } else {
      networkLink = networkLink("global/networks/default", project);
    }
    if (subnet == null) {
      for (ObjectNode cand : sim.store.inProject("compute.subnetwork", project)) {
        if (cand.path("network").asText().equals(networkLink) && cand.path("region").asText().endsWith("/regions/" + region)) subnet = cand;
      }
      boolean auto = sim.store.get(ref(networkLink, project, "global", "networks")).map(n -> n.path("autoCreateSubnetworks").asBoolean()).orElse(false);
      if (subnet == null || !auto) {
        throw ApiException.invalid("Invalid value for field 'resource.networkInterfaces[" + idx + "]': Subnetwork should be specified for custom subnetmode network '"
            + Names.last(networkLink) + "' in region " + region + ".");
      }
      subnetLink = subnet.path("selfLink").asText();
    }
    ObjectNode nic = Sim.obj();
    nic.put("kind", "compute#networkInterface");
    nic.put("network", networkLink);
    if (subnetLink != null) nic.put("subnetwork", subnetLink);
    nic.put("networkIP", nextHost(subnet));
    nic.put("name", "nic" + idx);
    nic.put("fingerprint", sim.fingerprint());
    nic.put("stackType", in.path("stackType").asText("IPV4_ONLY"));
    if (in.path("accessConfigs").isArray() && !in.path("accessConfigs").isEmpty()) {
      ArrayNode acs = nic.putArray("accessConfigs");
      for (JsonNode ac : in.path("accessConfigs")) {
        ObjectNode a = acs.addObject();
        a.put("kind", "compute#accessConfig");
        a.put("type", ac.path("type").asText("ONE_TO_ONE_NAT"));
        a.put("name", ac.path("name").asText("External NAT"));
        a.put("natIP", "203.0.113." + (10 + idx));
        a.put("networkTier", ac.path("networkTier").asText("PREMIUM"));
      }
    }
    return nic;
  }

  private String nextHost(ObjectNode subnet) {
    int n = subnet.path("__nextHost").asInt(2);
    subnet.put("__nextHost", n + 1);
    String key = subnet.path("__key").asText();
    sim.replace(key, subnet);
    return host(subnet.path("ipCidrRange").asText(), n);
  }

  private ArrayNode disks(JsonNode in, String project, String zone, String instance) {
    ArrayNode out = Sim.obj().arrayNode();
    boolean boot = false;
    int idx = 0;
    if (in.isArray()) {
      for (JsonNode d : in) {
        ObjectNode o = out.addObject();
        boolean isBoot = d.path("boot").asBoolean(idx == 0);
        if (isBoot && boot) throw ApiException.invalid("Invalid value for field 'resource.disks': only one boot disk is allowed.");
        boot |= isBoot;
        JsonNode ip = d.path("initializeParams");
        String diskName = ip.path("diskName").asText(idx == 0 ? instance : instance + "-" + idx);
        o.put("kind", "compute#attachedDisk");
        o.put("type", d.path("type").asText("PERSISTENT"));
        o.put("mode", d.path("mode").asText("READ_WRITE"));
        o.put("source", d.hasNonNull("source") ? d.get("source").asText() : Sim.COMPUTE + "projects/" + project + "/zones/" + zone + "/disks/" + diskName);
        o.put("deviceName", d.path("deviceName").asText("persistent-disk-" + idx));
        o.put("index", idx);
        o.put("boot", isBoot);
        o.put("autoDelete", d.path("autoDelete").asBoolean(true));
        o.put("interface", d.path("interface").asText("SCSI"));
        long size = ip.path("diskSizeGb").asLong(10);
        if (size < 1 || size > 65536) throw ApiException.invalid("Invalid value for field 'resource.disks[" + idx + "].initializeParams.diskSizeGb'.");
        o.put("diskSizeGb", Long.toString(size));
        if (ip.hasNonNull("sourceImage")) o.put("__sourceImage", ip.get("sourceImage").asText());
        o.put("__diskType", Names.last(ip.path("diskType").asText("pd-balanced")));
        o.putArray("guestOsFeatures").add(Sim.obj().put("type", "UEFI_COMPATIBLE")).add(Sim.obj().put("type", "VIRTIO_SCSI_MULTIQUEUE")).add(Sim.obj().put("type", "GVNIC"));
        o.put("architecture", "X86_64");
        idx++;
      }
    }
    if (!boot) throw ApiException.invalid("Invalid value for field 'resource.disks': ''. Boot disk must be specified.");
    return out;
  }

  private ObjectNode metadata(JsonNode in) {
    ObjectNode md = Sim.obj();
    md.put("kind", "compute#metadata");
    md.put("fingerprint", sim.fingerprint());
    JsonNode items = in.path("items");
    if (items.isArray() && !items.isEmpty()) {
      ArrayNode out = md.putArray("items");
      long total = 0;
      Set<String> seen = new java.util.HashSet<>();
      for (JsonNode it : items) {
        String k = it.path("key").asText("");
        if (!METADATA_KEY.matcher(k).matches()) throw ApiException.invalid("Invalid value for field 'resource.metadata': metadata key '" + k + "' is invalid.");
        if (!seen.add(k)) throw ApiException.invalid("Invalid value for field 'resource.metadata': duplicate metadata key '" + k + "'.");
        String v = it.path("value").asText("");
        total += k.length() + v.length();
        if (v.length() > 256 * 1024 || total > 512 * 1024) throw ApiException.invalid("Invalid value for field 'resource.metadata': metadata exceeds 512 KiB.");
        out.addObject().put("key", k).put("value", v);
      }
    }
    return md;
  }

  // ---- shared

  private String project(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }

  private Object get(Req r, String key) {
    project(r, Need.READ);
    return Sim.pub(sim.get(key));
  }

  private Object list(Req r, String kind, String parent, String listKind, String path) {
    String project = project(r, Need.READ);
    ObjectNode page = sim.page(r, kind, parent, "items", "maxResults");
    ObjectNode out = Sim.obj();
    out.put("kind", listKind);
    out.put("id", "projects/" + project + "/" + path);
    out.set("items", page.get("items"));
    if (page.has("nextPageToken")) out.set("nextPageToken", page.get("nextPageToken"));
    out.put("selfLink", Sim.COMPUTE + "projects/" + project + "/" + path);
    return out;
  }

  private Object delete(Req r, String key, String scopeKind, String scope) {
    String project = project(r, Need.WRITE);
    ObjectNode n = sim.get(key);
    sim.store.delete(key);
    return operation(r, project, scopeKind, scope, "delete", n);
  }

  private ObjectNode operation(Req r, String project, String scopeKind, String scope, String type, ObjectNode target) {
    String scopePath = scope == null ? "global" : scopeKind + "/" + scope;
    String name = "operation-" + System.currentTimeMillis() + "-" + sim.hex(6);
    String key = "projects/" + project + "/" + scopePath + "/operations/" + name;
    ObjectNode op = Sim.obj();
    op.put("kind", "compute#operation");
    op.put("id", sim.numericId());
    op.put("name", name);
    if ("zones".equals(scopeKind)) op.put("zone", Sim.COMPUTE + "projects/" + project + "/zones/" + scope);
    if ("regions".equals(scopeKind)) op.put("region", Sim.COMPUTE + "projects/" + project + "/regions/" + scope);
    op.put("operationType", type);
    op.put("targetLink", target.path("selfLink").asText());
    op.put("targetId", target.path("id").asText());
    op.put("status", "RUNNING");
    op.put("user", r.caller().member().replaceFirst("^[a-zA-Z]+:", ""));
    op.put("progress", 0);
    op.put("insertTime", sim.computeNow());
    op.put("startTime", sim.computeNow());
    op.put("selfLink", Sim.COMPUTE + key);
    return sim.insert(key, "compute.operation", project, "projects/" + project + "/" + scopePath, op);
  }

  private Object operation(Req r) {
    String project = project(r, Need.READ);
    String scope = r.p("zone") != null ? "zones/" + r.p("zone") : r.p("region") != null ? "regions/" + r.p("region") : "global";
    String key = "projects/" + project + "/" + scope + "/operations/" + r.p("operation");
    ObjectNode op = sim.get(key);
    if (!"DONE".equals(op.path("status").asText())) {
      op.put("status", "DONE");
      op.put("progress", 100);
      op.put("endTime", sim.computeNow());
      sim.replace(key, op);
    }
    return Sim.pub(op);
  }

  /** Normalises a reference (URL, partial path or bare name) to a resource key. */
  static String ref(String value, String project, String defaultScope, String collection) {
    Matcher m = REF.matcher(value);
    if (m.matches()) {
      if (!m.group(3).equals(collection)) throw ApiException.invalid("Invalid resource reference '" + value + "': expected a " + collection + " reference.");
      return "projects/" + (m.group(1) == null ? project : m.group(1)) + "/" + m.group(2) + "/" + collection + "/" + m.group(4);
    }
    if (value.contains("/")) throw ApiException.invalid("Invalid resource reference '" + value + "'.");
    return "projects/" + project + "/" + defaultScope + "/" + collection + "/" + value;
  }

  /** A network's self link; it must exist ({@code default} is created on first use, as GCP has it). */
  private String networkLink(String value, String project) {
    String key = ref(value, project, "global", "networks");
    if (key.equals("projects/" + project + "/global/networks/default")) ensureDefaultNetwork(project);
    if (sim.store.get(key).isEmpty()) throw ApiException.notFound(key);
    return Sim.COMPUTE + key;
  }

  /**
   * A new GCP project has an auto-mode {@code default} network with a {@code default} subnetwork
   * per region; cloudsim creates them the first time something refers to them.
   */
  private void ensureDefaultNetwork(String project) {
    String key = "projects/" + project + "/global/networks/default";
    if (sim.store.get(key).isPresent()) return;
    ObjectNode n = Sim.obj();
    n.put("kind", "compute#network");
    n.put("id", sim.numericId());
    n.put("creationTimestamp", sim.computeNow());
    n.put("name", "default");
    n.put("description", "Default network for the project");
    n.put("selfLink", Sim.COMPUTE + key);
    n.put("autoCreateSubnetworks", true);
    n.putObject("routingConfig").put("routingMode", "REGIONAL");
    n.put("mtu", 1460);
    n.put("networkFirewallPolicyEnforcementOrder", "AFTER_CLASSIC_FIREWALL");
    ArrayNode subs = n.putArray("subnetworks");
    int i = 0;
    for (String region : Regions.ZONES.keySet()) {
      String cidr = "10." + (128 + 2 * i++) + ".0.0/20";
      String sk = "projects/" + project + "/regions/" + region + "/subnetworks/default";
      ObjectNode s = Sim.obj();
      s.put("kind", "compute#subnetwork");
      s.put("id", sim.numericId());
      s.put("creationTimestamp", sim.computeNow());
      s.put("name", "default");
      s.put("description", "");
      s.put("network", Sim.COMPUTE + key);
      s.put("ipCidrRange", cidr);
      s.put("gatewayAddress", host(cidr, 1));
      s.put("region", Sim.COMPUTE + "projects/" + project + "/regions/" + region);
      s.put("selfLink", Sim.COMPUTE + sk);
      s.put("privateIpGoogleAccess", false);
      s.putArray("secondaryIpRanges");
      s.put("fingerprint", sim.fingerprint());
      s.put("purpose", "PRIVATE");
      s.put("stackType", "IPV4_ONLY");
      s.put("privateIpv6GoogleAccess", "DISABLE_GOOGLE_ACCESS");
      s.put("__nextHost", 2);
      if (sim.store.get(sk).isEmpty()) sim.insert(sk, "compute.subnetwork", project, "projects/" + project + "/regions/" + region, s);
      subs.add(Sim.COMPUTE + sk);
    }
    sim.insert(key, "compute.network", project, "projects/" + project + "/global", n);
  }

  private static ApiException inUse(String key, ObjectNode user) {
    String u = user.path("selfLink").asText().replace(Sim.COMPUTE, "");
    return ApiException.inUse("The " + (key.contains("/subnetworks/") ? "subnetwork" : "network") + " resource '" + key
        + "' is already being used by '" + u + "'");
  }

  private static String desc(JsonNode b) {
    String d = b.path("description").asText("");
    if (d.length() > 2048) throw ApiException.invalid("Invalid value for field 'resource.description': longer than 2048 characters.");
    return d;
  }

  private static long ip(String cidr) {
    String[] p = cidr.substring(0, cidr.indexOf('/')).split("\\.");
    long v = 0;
    for (String s : p) v = (v << 8) | Integer.parseInt(s);
    return v;
  }

  private static int bits(String cidr) {
    return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
  }

  static boolean overlaps(String a, String b) {
    int bits = Math.min(bits(a), bits(b));
    long mask = (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return (ip(a) & mask) == (ip(b) & mask);
  }

  private static String host(String cidr, int n) {
    long v = ip(cidr) + n;
    return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
  }
}
