package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** google_dns_managed_zone and _record_set from Cloud DNS v1. */
final class DnsReaders {
  private DnsReaders() {}

  static List<ResourceReader> all() {
    return List.of(new Zone(), new RecordSet());
  }

  /** Path-scoped: the zone exists only if the declared project's API returns it. Nonce: its label. */
  static Optional<JsonNode> ownedZone(String project, String zone, ResourceRef ref, ReadContext ctx) throws ValidatorFault {
    Optional<JsonNode> got = ctx.get(GcpService.DNS, "/dns/v1/projects/" + Paths.seg(project) + "/managedZones/" + Paths.seg(zone), ref, "managed zone " + zone);
    if (got.isEmpty()) return got;
    if (!ctx.owned(ref, project) || !ctx.carriesNonce(ref, got.get().get("labels"))) return Optional.empty();
    return got;
  }

  static final class Zone extends BaseReader {
    Zone() {
      super("google_dns_managed_zone");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String name = Ids.str(a, "name") != null ? Ids.str(a, "name") : Ids.last(Ids.str(a, "id"));
      String p = projectOf(a, declared, "id");
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      if (!Ids.ok(Ids.RFC1035, name)) return bad("managed zone name '" + name + "' is not valid");
      return ok(p, name);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ownedZone(ref.project(), ref.id(0), ref, ctx);
      if (got.isEmpty()) return Optional.empty();
      JsonNode z = got.get();
      ObjectNode t = o();
      t.putArray("cloud_logging_config").addObject().put("enable_logging", b(z.path("cloudLoggingConfig"), "enableLogging", false));
      t.put("creation_time", s(z, "creationTime", ""));
      t.put("description", s(z, "description", ""));
      t.put("dns_name", s(z, "dnsName", ""));
      t.set("dnssec_config", a());
      labels(t, z.get("labels"));
      t.put("force_destroy", false);
      t.set("forwarding_config", a());
      t.put("id", "projects/" + ctx.project() + "/managedZones/" + s(z, "name", ""));
      t.put("managed_zone_id", num(z, "id", 0));
      t.put("name", s(z, "name", ""));
      t.set("name_servers", strings(z.get("nameServers")));
      t.set("peering_config", a());
      t.set("private_visibility_config", a());
      t.put("project", ctx.project());
      t.put("reverse_lookup", z.has("reverseLookupConfig"));
      t.set("service_directory_config", a());
      t.putNull("timeouts");
      t.put("visibility", s(z, "visibility", "public").toLowerCase(Locale.ROOT));
      return Optional.of(t);
    }
  }

  static final class RecordSet extends BaseReader {
    RecordSet() {
      super("google_dns_record_set");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      String zone = Ids.last(Ids.str(a, "managed_zone"));
      String name = Ids.str(a, "name");
      String type = Ids.str(a, "type");
      String p = projectOf(a, declared, "id");
      Candidate c = checkProject(p, declared);
      if (c != null) return c;
      if (!Ids.ok(Ids.RFC1035, zone)) return bad("record set managed_zone '" + zone + "' is not valid");
      if (!Ids.ok(Ids.DNS_NAME, name) || name.length() > 253) return bad("record set name '" + name + "' is not a fully qualified name");
      if (!Ids.ok(Ids.RR_TYPE, type)) return bad("record set type '" + type + "' is not valid");
      return ok(p, zone, name, type);
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      if (ownedZone(ref.project(), ref.id(0), ref, ctx).isEmpty()) return Optional.empty();
      String path = "/dns/v1/projects/" + Paths.seg(ref.project()) + "/managedZones/" + Paths.seg(ref.id(0)) + "/rrsets/"
          + Paths.seg(ref.id(1)) + "/" + Paths.seg(ref.id(2));
      Optional<JsonNode> got = ctx.get(GcpService.DNS, path, ref, "record set");
      if (got.isEmpty()) return Optional.empty();
      JsonNode r = got.get();
      ObjectNode t = o();
      t.put("id", "projects/" + ctx.project() + "/managedZones/" + ref.id(0) + "/rrsets/" + s(r, "name", "") + "/" + s(r, "type", ""));
      t.put("managed_zone", ref.id(0));
      t.put("name", s(r, "name", ""));
      t.put("project", ctx.project());
      t.set("routing_policy", a());
      t.set("rrdatas", strings(r.get("rrdatas")));
      t.put("ttl", num(r, "ttl", 0));
      t.put("type", s(r, "type", ""));
      return Optional.of(t);
    }
  }
}
