package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** google_compute_network, _subnetwork, _firewall and _instance from Compute Engine v1. */
final class ComputeReaders {
  private ComputeReaders() {}

  static List<ResourceReader> all() {
    return List.of(new Network(), new Subnetwork(), new Firewall(), new Instance());
  }

  private static String base(String project) {
    return "/compute/v1/projects/" + Paths.seg(project);
  }

  static final class Network extends BaseReader {
    Network() {
      super("google_compute_network");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String name = Ids.str(a, "name") != null ? Ids.str(a, "name") : Ids.last(Ids.str(a, "id"));
      String p = projectOf(a, declared, "id", "self_link");
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      if (!Ids.ok(Ids.RFC1035, name)) return bad("network name '" + name + "' is not a valid Compute Engine name");
      return ok(p, name);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ctx.get(GcpService.COMPUTE, base(ref.project()) + "/global/networks/" + Paths.seg(ref.id(0)), ref, "network");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      if (!ctx.owned(ref, projectInPath(s(n, "selfLink", "")))) return Optional.empty();
      JsonNode rc = n.path("routingConfig");
      ObjectNode t = o();
      t.put("auto_create_subnetworks", b(n, "autoCreateSubnetworks", false));
      t.put("bgp_always_compare_med", b(rc, "bgpAlwaysCompareMed", false));
      t.put("bgp_best_path_selection_mode", s(rc, "bgpBestPathSelectionMode", "LEGACY"));
      t.put("bgp_inter_region_cost", s(rc, "bgpInterRegionCost", ""));
      t.put("delete_default_routes_on_create", false);
      t.put("description", s(n, "description", ""));
      t.put("enable_ula_internal_ipv6", b(n, "enableUlaInternalIpv6", false));
      t.put("gateway_ipv4", s(n, "gatewayIPv4", ""));
      t.put("id", "projects/" + ctx.project() + "/global/networks/" + s(n, "name", ""));
      t.put("internal_ipv6_range", s(n, "internalIpv6Range", ""));
      t.put("mtu", num(n, "mtu", 0));
      t.put("name", s(n, "name", ""));
      t.put("network_firewall_policy_enforcement_order", s(n, "networkFirewallPolicyEnforcementOrder", "AFTER_CLASSIC_FIREWALL"));
      t.put("network_id", s(n, "id", ""));
      t.put("network_profile", s(n, "networkProfile", ""));
      t.put("numeric_id", s(n, "id", ""));
      t.set("params", a());
      t.put("project", ctx.project());
      t.put("routing_mode", s(rc, "routingMode", "REGIONAL"));
      t.put("self_link", s(n, "selfLink", ""));
      return Optional.of(nullTimeouts(t));
    }
  }

  private static final java.util.regex.Pattern REGION_IN_PATH = java.util.regex.Pattern.compile("/regions/([^/]+)/");
  private static final java.util.regex.Pattern ZONE_IN_PATH = java.util.regex.Pattern.compile("/zones/([^/]+)/");

  /**
   * The candidate of a named Compute resource that lives in a region or zone: its name and
   * location from the state (the location attribute, else its id or self-link), in the project.
   */
  static Candidate located(BaseReader r, JsonNode a, String declared, String kind, String locationKey,
      java.util.regex.Pattern locationInPath, java.util.regex.Pattern validLocation) {
    String id = Ids.str(a, "id");
    String name = Ids.str(a, "name") != null ? Ids.str(a, "name") : Ids.last(id);
    String location = Ids.last(Ids.str(a, locationKey));
    if (location == null) location = Ids.group(locationInPath, id != null ? id : Ids.str(a, "self_link"), 1);
    String p = BaseReader.projectOf(a, declared, "id", "self_link");
    Candidate c = r.checkProject(p, declared);
    if (c != null) return c;
    if (!Ids.ok(Ids.RFC1035, name)) return r.bad(kind + " name '" + name + "' is not a valid Compute Engine name");
    if (!Ids.ok(validLocation, location)) return r.bad(kind + " " + locationKey + " '" + location + "' is not a " + locationKey);
    return r.ok(p, location, name);
  }

  static final class Subnetwork extends BaseReader {
    Subnetwork() {
      super("google_compute_subnetwork");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      return located(this, a, declared, "subnetwork", "region", REGION_IN_PATH, Ids.REGION);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      String path = base(ref.project()) + "/regions/" + Paths.seg(ref.id(0)) + "/subnetworks/" + Paths.seg(ref.id(1));
      Optional<JsonNode> got = ctx.get(GcpService.COMPUTE, path, ref, "subnetwork");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      if (!ctx.owned(ref, projectInPath(s(n, "selfLink", "")))) return Optional.empty();
      String region = Ids.last(s(n, "region", ref.id(0)));
      ObjectNode t = o();
      t.put("creation_timestamp", s(n, "creationTimestamp", ""));
      t.put("description", s(n, "description", ""));
      t.put("external_ipv6_prefix", s(n, "externalIpv6Prefix", ""));
      t.putNull("fingerprint");
      t.put("gateway_address", s(n, "gatewayAddress", ""));
      t.put("id", "projects/" + ctx.project() + "/regions/" + region + "/subnetworks/" + s(n, "name", ""));
      t.put("internal_ipv6_prefix", s(n, "internalIpv6Prefix", ""));
      t.put("ip_cidr_range", s(n, "ipCidrRange", ""));
      t.putNull("ip_collection");
      t.put("ipv6_access_type", s(n, "ipv6AccessType", ""));
      t.put("ipv6_cidr_range", s(n, "ipv6CidrRange", ""));
      t.put("ipv6_gce_endpoint", s(n, "ipv6GceEndpoint", ""));
      ArrayNode log = a();
      if (n.has("logConfig") && b(n.get("logConfig"), "enable", false)) {
        ObjectNode l = log.addObject();
        JsonNode lc = n.get("logConfig");
        l.put("aggregation_interval", s(lc, "aggregationInterval", "INTERVAL_5_SEC"));
        l.put("filter_expr", s(lc, "filterExpr", "true"));
        l.put("flow_sampling", lc.path("flowSampling").asDouble(0.5));
        l.put("metadata", s(lc, "metadata", "INCLUDE_ALL_METADATA"));
        l.set("metadata_fields", strings(lc.get("metadataFields")));
      }
      t.set("log_config", log);
      t.put("name", s(n, "name", ""));
      t.put("network", s(n, "network", ""));
      t.set("params", a());
      t.put("private_ip_google_access", b(n, "privateIpGoogleAccess", false));
      t.put("private_ipv6_google_access", s(n, "privateIpv6GoogleAccess", "DISABLE_GOOGLE_ACCESS"));
      t.put("project", ctx.project());
      t.put("purpose", s(n, "purpose", "PRIVATE"));
      t.put("region", region);
      t.put("reserved_internal_range", "");
      t.put("role", s(n, "role", ""));
      ArrayNode sec = a();
      for (JsonNode r : n.path("secondaryIpRanges")) {
        sec.addObject().put("ip_cidr_range", s(r, "ipCidrRange", "")).put("range_name", s(r, "rangeName", "")).put("reserved_internal_range", "");
      }
      t.set("secondary_ip_range", sec);
      t.put("self_link", s(n, "selfLink", ""));
      t.putNull("send_secondary_ip_range_if_empty");
      t.put("stack_type", s(n, "stackType", "IPV4_ONLY"));
      t.put("state", s(n, "state", ""));
      t.put("subnetwork_id", num(n, "id", 0));
      return Optional.of(nullTimeouts(t));
    }
  }

  static final class Firewall extends BaseReader {
    Firewall() {
      super("google_compute_firewall");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String name = Ids.str(a, "name") != null ? Ids.str(a, "name") : Ids.last(Ids.str(a, "id"));
      String p = projectOf(a, declared, "id", "self_link");
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      if (!Ids.ok(Ids.RFC1035, name)) return bad("firewall name '" + name + "' is not a valid Compute Engine name");
      return ok(p, name);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ctx.get(GcpService.COMPUTE, base(ref.project()) + "/global/firewalls/" + Paths.seg(ref.id(0)), ref, "firewall");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      if (!ctx.owned(ref, projectInPath(s(n, "selfLink", "")))) return Optional.empty();
      ObjectNode t = o();
      t.set("allow", rules(n.path("allowed")));
      t.put("creation_timestamp", s(n, "creationTimestamp", ""));
      t.set("deny", rules(n.path("denied")));
      t.put("description", s(n, "description", ""));
      t.set("destination_ranges", strings(n.get("destinationRanges")));
      t.put("direction", s(n, "direction", "INGRESS"));
      t.put("disabled", b(n, "disabled", false));
      t.putNull("enable_logging");
      t.put("id", "projects/" + ctx.project() + "/global/firewalls/" + s(n, "name", ""));
      ArrayNode log = a();
      if (b(n.path("logConfig"), "enable", false)) log.addObject().put("metadata", s(n.path("logConfig"), "metadata", "INCLUDE_ALL_METADATA"));
      t.set("log_config", log);
      t.put("name", s(n, "name", ""));
      t.put("network", s(n, "network", ""));
      t.set("params", a());
      t.put("priority", num(n, "priority", 1000));
      t.put("project", ctx.project());
      t.put("self_link", s(n, "selfLink", ""));
      t.set("source_ranges", strings(n.get("sourceRanges")));
      t.set("source_service_accounts", strings(n.get("sourceServiceAccounts")));
      t.set("source_tags", strings(n.get("sourceTags")));
      t.set("target_service_accounts", strings(n.get("targetServiceAccounts")));
      t.set("target_tags", strings(n.get("targetTags")));
      return Optional.of(nullTimeouts(t));
    }

    private static ArrayNode rules(JsonNode in) {
      ArrayNode out = a();
      for (JsonNode r : in) out.addObject().<ObjectNode>set("ports", strings(r.get("ports"))).put("protocol", s(r, "IPProtocol", ""));
      return out;
    }
  }

  static final class Instance extends BaseReader {
    Instance() {
      super("google_compute_instance");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      return located(this, a, declared, "instance", "zone", ZONE_IN_PATH, Ids.ZONE);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      String path = base(ref.project()) + "/zones/" + Paths.seg(ref.id(0)) + "/instances/" + Paths.seg(ref.id(1));
      Optional<JsonNode> got = ctx.get(GcpService.COMPUTE, path, ref, "instance");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      String startup = null;
      ObjectNode md = o();
      for (JsonNode it : n.path("metadata").path("items")) {
        String k = s(it, "key", "");
        String v = s(it, "value", "");
        if (k.equals("startup-script")) startup = v;
        else md.put(k, v);
      }
      if (!ctx.owned(ref, projectInPath(s(n, "selfLink", ""))) || !ctx.carriesNonce(ref, n.get("labels"))) {
        return Optional.empty();
      }
      String zone = Ids.last(s(n, "zone", ref.id(0)));
      ObjectNode t = o();
      t.set("advanced_machine_features", a());
      t.putNull("allow_stopping_for_update");
      t.set("attached_disk", a());
      ArrayNode boot = a();
      for (JsonNode d : n.path("disks")) {
        if (!b(d, "boot", false)) continue;
        ObjectNode bd = boot.addObject();
        bd.put("auto_delete", b(d, "autoDelete", true));
        bd.put("device_name", s(d, "deviceName", ""));
        bd.put("disk_encryption_key_raw", "");
        bd.put("disk_encryption_key_rsa", "");
        bd.put("disk_encryption_key_sha256", "");
        bd.put("disk_encryption_service_account", "");
        bd.put("force_attach", false);
        ArrayNode feats = a();
        for (JsonNode f : d.path("guestOsFeatures")) feats.add(s(f, "type", ""));
        bd.set("guest_os_features", feats);
        ObjectNode ip = bd.putArray("initialize_params").addObject();
        ip.put("architecture", s(d, "architecture", "X86_64"));
        ip.put("enable_confidential_compute", false);
        ip.put("image", "");
        ip.set("labels", o());
        ip.put("provisioned_iops", 0);
        ip.put("provisioned_throughput", 0);
        ip.putNull("resource_manager_tags");
        ip.set("resource_policies", a());
        ip.put("size", num(d, "diskSizeGb", 0));
        ip.put("snapshot", "");
        ip.set("source_image_encryption_key", a());
        ip.set("source_snapshot_encryption_key", a());
        ip.put("storage_pool", "");
        ip.put("type", "");
        bd.put("interface", "");
        bd.put("kms_key_self_link", "");
        bd.put("mode", s(d, "mode", "READ_WRITE"));
        bd.put("source", s(d, "source", ""));
      }
      t.set("boot_disk", boot);
      t.put("can_ip_forward", b(n, "canIpForward", false));
      t.set("confidential_instance_config", a());
      t.put("cpu_platform", s(n, "cpuPlatform", ""));
      t.put("creation_timestamp", s(n, "creationTimestamp", ""));
      t.put("current_status", s(n, "status", ""));
      t.put("deletion_protection", b(n, "deletionProtection", false));
      t.put("description", s(n, "description", ""));
      t.putNull("desired_status");
      labels(t, n.get("labels"));
      t.put("enable_display", false);
      t.set("guest_accelerator", a());
      t.put("hostname", s(n, "hostname", ""));
      t.put("id", "projects/" + ctx.project() + "/zones/" + zone + "/instances/" + s(n, "name", ""));
      t.set("instance_encryption_key", a());
      t.put("instance_id", s(n, "id", ""));
      t.put("key_revocation_action_type", "");
      t.put("label_fingerprint", s(n, "labelFingerprint", ""));
      t.put("machine_type", Ids.last(s(n, "machineType", "")));
      t.set("metadata", md.isEmpty() ? F.nullNode() : md);
      t.put("metadata_fingerprint", s(n.path("metadata"), "fingerprint", ""));
      if (startup == null) t.putNull("metadata_startup_script");
      else t.put("metadata_startup_script", startup);
      t.put("min_cpu_platform", s(n, "minCpuPlatform", ""));
      t.put("name", s(n, "name", ""));
      ArrayNode nics = a();
      for (JsonNode nic : n.path("networkInterfaces")) {
        ObjectNode x = nics.addObject();
        ArrayNode acs = a();
        for (JsonNode ac : nic.path("accessConfigs")) {
          acs.addObject().put("nat_ip", s(ac, "natIP", "")).put("network_tier", s(ac, "networkTier", "PREMIUM")).put("public_ptr_domain_name", "").put("security_policy", "");
        }
        x.set("access_config", acs);
        x.set("alias_ip_range", a());
        x.put("internal_ipv6_prefix_length", 0);
        x.set("ipv6_access_config", a());
        x.put("ipv6_access_type", "");
        x.put("ipv6_address", "");
        x.put("name", s(nic, "name", ""));
        x.put("network", s(nic, "network", ""));
        x.put("network_attachment", "");
        x.put("network_ip", s(nic, "networkIP", ""));
        x.put("nic_type", s(nic, "nicType", ""));
        x.put("queue_count", 0);
        x.put("stack_type", s(nic, "stackType", "IPV4_ONLY"));
        x.put("subnetwork", s(nic, "subnetwork", ""));
        String sp = projectInPath(s(nic, "subnetwork", ""));
        x.put("subnetwork_project", sp == null ? ctx.project() : sp);
      }
      t.set("network_interface", nics);
      t.set("network_performance_config", a());
      t.set("params", a());
      t.put("project", ctx.project());
      t.set("reservation_affinity", a());
      t.putNull("resource_policies");
      JsonNode sc = n.path("scheduling");
      ObjectNode sched = t.putArray("scheduling").addObject();
      sched.put("automatic_restart", b(sc, "automaticRestart", true));
      sched.put("availability_domain", 0);
      sched.put("instance_termination_action", s(sc, "instanceTerminationAction", ""));
      sched.set("local_ssd_recovery_timeout", a());
      sched.set("max_run_duration", a());
      sched.put("min_node_cpus", 0);
      sched.set("node_affinities", a());
      sched.put("on_host_maintenance", s(sc, "onHostMaintenance", "MIGRATE"));
      sched.set("on_instance_stop_action", a());
      sched.put("preemptible", b(sc, "preemptible", false));
      sched.put("provisioning_model", s(sc, "provisioningModel", "STANDARD"));
      sched.put("termination_time", "");
      t.set("scratch_disk", a());
      t.put("self_link", s(n, "selfLink", ""));
      ArrayNode sas = a();
      for (JsonNode sa : n.path("serviceAccounts")) sas.addObject().put("email", s(sa, "email", "")).set("scopes", strings(sa.get("scopes")));
      t.set("service_account", sas);
      JsonNode sh = n.path("shieldedInstanceConfig");
      t.putArray("shielded_instance_config").addObject()
          .put("enable_integrity_monitoring", b(sh, "enableIntegrityMonitoring", true))
          .put("enable_secure_boot", b(sh, "enableSecureBoot", false))
          .put("enable_vtpm", b(sh, "enableVtpm", true));
      JsonNode tags = n.path("tags").path("items");
      t.set("tags", tags.isArray() && !tags.isEmpty() ? strings(tags) : F.nullNode());
      t.put("tags_fingerprint", s(n.path("tags"), "fingerprint", ""));
      t.putNull("timeouts");
      t.put("zone", zone);
      return Optional.of(t);
    }
  }
}
