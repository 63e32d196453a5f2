package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cloud DNS v1: managed zones, resource record sets (the rrsets methods) and changes (the older
 * batch API Terraform uses; a change is "pending" until first read, then "done").
 */
final class DnsApi {
  private static final String BASE = "/dns/v1/projects/{project}/managedZones";
  private static final Set<String> TYPES = Set.of("A", "AAAA", "CAA", "CNAME", "DNSKEY", "DS", "HTTPS", "IPSECKEY", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT");

  private final Sim sim;

  DnsApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", BASE, this::createZone);
    r.add("GET", BASE, q -> sim.page(q, "dns.zone", "projects/" + pid(q, Need.READ), "managedZones", "maxResults").put("kind", "dns#managedZonesListResponse"));
    r.add("GET", BASE + "/{zone}", q -> Sim.pub(zone(q, Need.READ)));
    r.add("DELETE", BASE + "/{zone}", this::deleteZone);
    r.add("POST", BASE + "/{zone}/rrsets", this::createRrset);
    r.add("GET", BASE + "/{zone}/rrsets", this::listRrsets);
    r.add("GET", BASE + "/{zone}/rrsets/{name}/{type}", this::getRrset);
    r.add("DELETE", BASE + "/{zone}/rrsets/{name}/{type}", this::deleteRrset);
    r.add("POST", BASE + "/{zone}/changes", this::createChange);
    r.add("GET", BASE + "/{zone}/changes/{change}", this::getChange);
  }

  private Object createZone(Req r) {
    String project = pid(r, Need.WRITE);
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.compute(name, "entity.managedZone.name");
    String dnsName = Sim.required(b, "dnsName", "entity.managedZone.dnsName").toLowerCase(Locale.ROOT);
    if (!Names.DNS_NAME.matcher(dnsName).matches() || dnsName.length() > 253) {
      throw ApiException.invalid("Invalid value for 'entity.managedZone.dnsName': '" + b.get("dnsName").asText() + "'. It must be a fully qualified domain name ending with '.'.");
    }
    String visibility = b.path("visibility").asText("public").toLowerCase(Locale.ROOT);
    if (!Set.of("public", "private").contains(visibility)) throw ApiException.invalid("Invalid value for 'entity.managedZone.visibility': '" + visibility + "'.");
    Names.labels(b.get("labels"));
    String key = "projects/" + project + "/managedZones/" + name;
    if (sim.store.get(key).isPresent()) {
      throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "The resource 'entity.managedZone' named '" + name + "' already exists");
    }
    ObjectNode z = Sim.obj();
    z.put("kind", "dns#managedZone");
    z.put("name", name);
    z.put("dnsName", dnsName);
    String desc = b.path("description").asText("");
    if (desc.length() > 1024) throw ApiException.invalid("Invalid value for 'entity.managedZone.description': longer than 1024 characters.");
    z.put("description", desc);
    z.put("id", sim.numericId());
    ArrayNode ns = z.putArray("nameServers");
    int shard = 1 + (int) (Math.abs((long) name.hashCode()) % 9);
    for (String l : new String[] {"a", "b", "c", "d"}) ns.add("ns-cloud-" + l + shard + ".googledomains.com.");
    z.put("creationTime", sim.now());
    z.put("visibility", visibility);
    if (b.hasNonNull("labels") && !b.get("labels").isEmpty()) z.set("labels", b.get("labels"));
    z.putObject("cloudLoggingConfig").put("kind", "dns#managedZoneCloudLoggingConfig").put("enableLogging", b.path("cloudLoggingConfig").path("enableLogging").asBoolean(false));
    for (String k : new String[] {"dnssecConfig", "privateVisibilityConfig", "forwardingConfig", "peeringConfig", "reverseLookupConfig"}) if (b.hasNonNull(k)) z.set(k, b.get(k));
    ObjectNode out = sim.insert(key, "dns.zone", project, "projects/" + project, z);
    ObjectNode soa = rrset(dnsName, "SOA", 21600, List.of(ns.get(0).asText() + " cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300"));
    ObjectNode nsSet = rrset(dnsName, "NS", 21600, List.of(ns.get(0).asText(), ns.get(1).asText(), ns.get(2).asText(), ns.get(3).asText()));
    store(project, key, soa);
    store(project, key, nsSet);
    return out;
  }

  private Object deleteZone(Req r) {
    ObjectNode z = zone(r, Need.WRITE);
    String key = z.path("__key").asText();
    String project = pid(r, Need.WRITE);
    List<String> sets = sim.store.keys("dns.rrset", key);
    for (String s : sets) {
      ObjectNode rr = sim.get(s);
      boolean apexDefault = rr.path("name").asText().equals(z.path("dnsName").asText()) && Set.of("SOA", "NS").contains(rr.path("type").asText());
      if (!apexDefault) {
        throw new ApiException(400, "containerNotEmpty", "FAILED_PRECONDITION", "The resource named '" + z.path("name").asText() + "' cannot be deleted because it is not empty");
      }
    }
    for (String s : sets) sim.store.delete(s);
    sim.store.delete(key);
    return Sim.NO_CONTENT;
  }

  private Object createRrset(Req r) {
    ObjectNode z = zone(r, Need.WRITE);
    String project = pid(r, Need.WRITE);
    ObjectNode rr = validate(z, r.json());
    String key = rrKey(z, rr.path("name").asText(), rr.path("type").asText());
    if (sim.store.get(key).isPresent()) throw alreadyExists(rr);
    conflicts(z, rr);
    return store(project, z.path("__key").asText(), rr);
  }

  private Object listRrsets(Req r) {
    ObjectNode z = zone(r, Need.READ);
    ObjectNode page = sim.page(r, "dns.rrset", z.path("__key").asText(), "rrsets", "maxResults");
    String name = r.q("name");
    String type = r.q("type");
    ArrayNode items = page.withArray("rrsets");
    for (int i = items.size() - 1; i >= 0; i--) {
      JsonNode it = items.get(i);
      if ((name != null && !it.path("name").asText().equals(name)) || (type != null && !it.path("type").asText().equals(type))) items.remove(i);
    }
    page.put("kind", "dns#resourceRecordSetsListResponse");
    return page;
  }

  private Object getRrset(Req r) {
    ObjectNode z = zone(r, Need.READ);
    String key = rrKey(z, r.p("name"), r.p("type"));
    return Sim.pub(sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND",
        "The 'parameters.name' resource named '" + r.p("name") + "' does not exist.")));
  }

  private Object deleteRrset(Req r) {
    ObjectNode z = zone(r, Need.WRITE);
    String key = rrKey(z, r.p("name"), r.p("type"));
    if (!sim.store.delete(key)) throw new ApiException(404, "notFound", "NOT_FOUND", "The 'parameters.name' resource named '" + r.p("name") + "' does not exist.");
    return Sim.obj();
  }

  private Object createChange(Req r) {
    ObjectNode z = zone(r, Need.WRITE);
    String project = pid(r, Need.WRITE);
    ObjectNode b = r.json();
    List<ObjectNode> adds = new ArrayList<>();
    List<ObjectNode> dels = new ArrayList<>();
    for (JsonNode a : b.path("additions")) adds.add(validate(z, a));
    for (JsonNode d : b.path("deletions")) dels.add(validate(z, d));
    if (adds.isEmpty() && dels.isEmpty()) throw ApiException.invalid("The 'entity.change' resource must contain at least one addition or deletion.");
    String zoneKey = z.path("__key").asText();
    for (ObjectNode d : dels) {
      var cur = sim.store.get(rrKey(z, d.path("name").asText(), d.path("type").asText()));
      if (cur.isEmpty() || cur.get().path("ttl").asLong() != d.path("ttl").asLong() || !cur.get().path("rrdatas").equals(d.path("rrdatas"))) {
        throw new ApiException(404, "notFound", "NOT_FOUND", "The 'entity.change.deletions[" + d.path("name").asText() + "]' resource named '"
            + d.path("name").asText() + " (" + d.path("type").asText() + ")' does not exist or does not match.");
      }
    }
    for (ObjectNode d : dels) sim.store.delete(rrKey(z, d.path("name").asText(), d.path("type").asText()));
    for (ObjectNode a : adds) {
      if (sim.store.get(rrKey(z, a.path("name").asText(), a.path("type").asText())).isPresent()) throw alreadyExists(a);
      conflicts(z, a);
    }
    for (ObjectNode a : adds) store(project, zoneKey, a);
    int n = sim.store.keys("dns.change", zoneKey).size() + 1;
    ObjectNode c = Sim.obj();
    c.put("kind", "dns#change");
    c.put("id", Integer.toString(n));
    c.put("startTime", sim.now());
    c.put("status", "pending");
    ArrayNode aa = c.putArray("additions");
    adds.forEach(aa::add);
    ArrayNode dd = c.putArray("deletions");
    dels.forEach(dd::add);
    return sim.insert(zoneKey + "/changes/" + n, "dns.change", project, zoneKey, c);
  }

  private Object getChange(Req r) {
    ObjectNode z = zone(r, Need.READ);
    String key = z.path("__key").asText() + "/changes/" + r.p("change");
    ObjectNode c = sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "The 'parameters.changeId' resource named '" + r.p("change") + "' does not exist."));
    if (!"done".equals(c.path("status").asText())) {
      c.put("status", "done");
      sim.replace(key, c);
    }
    return Sim.pub(c);
  }

  // ---- helpers

  private ObjectNode zone(Req r, Need need) {
    String project = pid(r, need);
    String z = r.p("zone");
    var byName = sim.store.get("projects/" + project + "/managedZones/" + z);
    if (byName.isPresent()) return byName.get();
    if (z.matches("[0-9]+")) {
      for (ObjectNode o : sim.store.inProject("dns.zone", project)) if (o.path("id").asText().equals(z)) return o;
    }
    throw new ApiException(404, "notFound", "NOT_FOUND", "The 'parameters.managedZone' resource named '" + z + "' does not exist.");
  }

  private ObjectNode validate(ObjectNode zone, JsonNode in) {
    String name = in.path("name").asText("").toLowerCase(Locale.ROOT);
    String dns = zone.path("dnsName").asText();
    if (!name.endsWith(".") || !Names.DNS_NAME.matcher(name).matches()) {
      throw ApiException.invalid("Invalid value for 'entity.rrset.name': '" + in.path("name").asText() + "'. It must be a fully qualified domain name ending with '.'.");
    }
    if (!name.equals(dns) && !name.endsWith("." + dns)) {
      throw ApiException.invalid("Invalid value for 'entity.rrset.name': '" + name + "'. It must be within the zone's DNS name '" + dns + "'.");
    }
    String type = in.path("type").asText("").toUpperCase(Locale.ROOT);
    if (!TYPES.contains(type)) throw ApiException.invalid("Invalid value for 'entity.rrset.type': '" + in.path("type").asText() + "'.");
    JsonNode ttlNode = in.path("ttl");
    long ttl = ttlNode.isMissingNode() ? 300 : ttlNode.asLong(-1);
    if (!ttlNode.isMissingNode() && !ttlNode.canConvertToLong() || ttl < 0 || ttl > Integer.MAX_VALUE) {
      throw ApiException.invalid("Invalid value for 'entity.rrset.ttl': '" + ttlNode.asText() + "'.");
    }
    List<String> datas = new ArrayList<>();
    for (JsonNode d : in.path("rrdatas")) datas.add(d.asText());
    if (datas.isEmpty()) throw ApiException.invalid("Invalid value for 'entity.rrset.rrdatas': at least one record is required.");
    for (String d : datas) {
      switch (type) {
        case "A" -> {
          if (!Names.ipv4(d)) throw ApiException.invalid("Invalid value for 'entity.rrset.rrdata[0]': '" + d + "'. An A record needs an IPv4 address.");
        }
        case "AAAA" -> {
          if (!d.matches("^[0-9a-fA-F:]{2,39}$") || !d.contains(":")) throw ApiException.invalid("Invalid value for 'entity.rrset.rrdata': '" + d + "'. An AAAA record needs an IPv6 address.");
        }
        case "CNAME", "NS", "PTR" -> {
          if (!d.endsWith(".")) throw ApiException.invalid("Invalid value for 'entity.rrset.rrdata': '" + d + "'. The target must be a fully qualified name ending with '.'.");
        }
        case "MX" -> {
          if (!d.matches("^[0-9]{1,5} \\S+\\.$")) throw ApiException.invalid("Invalid value for 'entity.rrset.rrdata': '" + d + "'. MX records look like '10 mail.example.com.'.");
        }
        default -> {
          if (d.length() > 4096) throw ApiException.invalid("Invalid value for 'entity.rrset.rrdata': longer than 4096 characters.");
        }
      }
    }
    if (type.equals("CNAME") && datas.size() != 1) throw ApiException.invalid("A CNAME record set must hold exactly one record.");
    if (type.equals("CNAME") && name.equals(dns)) throw ApiException.invalid("A CNAME record cannot be at the zone apex '" + dns + "'.");
    return rrset(name, type, ttl, datas);
  }

  /** CNAME cannot share a name with any other type. */
  private void conflicts(ObjectNode zone, ObjectNode rr) {
    for (String k : sim.store.keys("dns.rrset", zone.path("__key").asText())) {
      ObjectNode o = sim.get(k);
      if (!o.path("name").asText().equals(rr.path("name").asText())) continue;
      if (o.path("type").asText().equals("CNAME") || rr.path("type").asText().equals("CNAME")) {
        throw ApiException.invalid("The resource record set '" + rr.path("name").asText() + "' of type " + rr.path("type").asText()
            + " conflicts with the existing " + o.path("type").asText() + " record set at that name.");
      }
    }
  }

  private static ObjectNode rrset(String name, String type, long ttl, List<String> datas) {
    ObjectNode o = Sim.obj();
    o.put("kind", "dns#resourceRecordSet");
    o.put("name", name);
    o.put("type", type);
    o.put("ttl", ttl);
    ArrayNode a = o.putArray("rrdatas");
    datas.forEach(a::add);
    return o;
  }

  private ObjectNode store(String project, String zoneKey, ObjectNode rr) {
    String key = zoneKey + "/rrsets/" + rr.path("name").asText() + "/" + rr.path("type").asText();
    return sim.insert(key, "dns.rrset", project, zoneKey, rr.deepCopy());
  }

  private static String rrKey(ObjectNode zone, String name, String type) {
    return zone.path("__key").asText() + "/rrsets/" + name.toLowerCase(Locale.ROOT) + "/" + type.toUpperCase(Locale.ROOT);
  }

  private static ApiException alreadyExists(ObjectNode rr) {
    return new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "The resource 'entity.change.additions[" + rr.path("name").asText() + "][" + rr.path("type").asText() + "]' named '"
        + rr.path("name").asText() + " (" + rr.path("type").asText() + ")' already exists");
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }
}
