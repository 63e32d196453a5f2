package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * Secret Manager v1: secrets, versions (add, get, access, enable, disable, destroy) and secret
 * IAM policies. Names in answers carry the project number, as the real API's do.
 */
final class SecretManagerApi {
  private static final String BASE = "/v1/projects/{project}/secrets";
  private static final int MAX_PAYLOAD = 64 * 1024;

  private final Sim sim;

  SecretManagerApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", BASE, this::create);
    r.add("GET", BASE, q -> sim.page(q, "secretmanager.secret", "projects/" + pid(q, Need.READ), "secrets", "pageSize"));
    r.add("GET", BASE + "/{secret}", q -> Sim.pub(secret(q, Need.READ)));
    r.add("DELETE", BASE + "/{secret}", this::delete);
    r.add("POST", BASE + "/{secret}:addVersion", this::addVersion);
    r.add("GET", BASE + "/{secret}/versions", this::listVersions);
    r.add("GET", BASE + "/{secret}/versions/{version}", q -> Sim.pub(version(q, Need.READ)));
    r.add("GET", BASE + "/{secret}/versions/{version}:access", this::access);
    r.add("POST", BASE + "/{secret}/versions/{version}:disable", q -> state(q, "DISABLED"));
    r.add("POST", BASE + "/{secret}/versions/{version}:enable", q -> state(q, "ENABLED"));
    r.add("POST", BASE + "/{secret}/versions/{version}:destroy", q -> state(q, "DESTROYED"));
    r.add("GET", BASE + "/{secret}:getIamPolicy", this::getIamPolicy);
    r.add("POST", BASE + "/{secret}:getIamPolicy", this::getIamPolicy);
    r.add("POST", BASE + "/{secret}:setIamPolicy", this::setIamPolicy);
  }

  private Object create(Req r) {
    String project = pid(r, Need.WRITE);
    String id = r.q("secretId");
    Names.check(Names.SECRET_ID, id, "secret_id", "Secret ids are 1-255 letters, digits, '_' or '-'.");
    ObjectNode b = r.json();
    JsonNode rep = b.path("replication");
    boolean auto = rep.has("automatic");
    boolean user = rep.has("userManaged");
    if (auto == user) throw ApiException.invalid("Secret.replication must set exactly one of automatic or user_managed.");
    if (user) {
      JsonNode replicas = rep.path("userManaged").path("replicas");
      if (!replicas.isArray() || replicas.isEmpty()) throw ApiException.invalid("Secret.replication.user_managed.replicas must not be empty.");
      for (JsonNode rp : replicas) Regions.location(rp.path("location").asText(""), false);
    }
    Names.labels(b.get("labels"));
    String key = "projects/" + project + "/secrets/" + id;
    if (sim.store.get(key).isPresent()) {
      throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "Secret [projects/" + sim.projectNumber(project) + "/secrets/" + id + "] already exists.");
    }
    ObjectNode s = Sim.obj();
    s.put("name", "projects/" + sim.projectNumber(project) + "/secrets/" + id);
    s.set("replication", rep);
    s.put("createTime", sim.now());
    if (b.hasNonNull("labels") && !b.get("labels").isEmpty()) s.set("labels", b.get("labels"));
    for (String k : new String[] {"annotations", "topics", "expireTime", "ttl", "rotation", "versionAliases", "versionDestroyTtl"}) {
      if (b.hasNonNull(k)) s.set(k, b.get(k));
    }
    s.put("etag", "\"" + sim.hex(7) + "\"");
    s.put("__next", 1);
    return sim.insert(key, "secretmanager.secret", project, "projects/" + project, s);
  }

  private ObjectNode secret(Req r, Need need) {
    String project = pid(r, need);
    String key = "projects/" + project + "/secrets/" + r.p("secret");
    return sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND",
        "Secret [projects/" + sim.projectNumber(project) + "/secrets/" + r.p("secret") + "] not found or has no versions."));
  }

  private Object delete(Req r) {
    ObjectNode s = secret(r, Need.WRITE);
    String key = s.path("__key").asText();
    for (String v : sim.store.keys("secretmanager.version", key)) sim.store.delete(v);
    sim.store.delete(key);
    sim.policies.delete(key);
    return Sim.obj();
  }

  private Object addVersion(Req r) {
    ObjectNode s = secret(r, Need.WRITE);
    String key = s.path("__key").asText();
    JsonNode payload = r.json().path("payload");
    byte[] data;
    try {
      data = Base64.getDecoder().decode(payload.path("data").asText(""));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Invalid value at 'payload.data' (TYPE_BYTES): not valid base64.");
    }
    if (data.length > MAX_PAYLOAD) throw ApiException.invalid("Secret payload is larger than the maximum of 65536 bytes.");
    CRC32C crc = new CRC32C();
    crc.update(data);
    if (payload.hasNonNull("dataCrc32c") && payload.get("dataCrc32c").asLong() != crc.getValue()) {
      throw ApiException.invalid("Checksum mismatch: the data_crc32c does not match the payload.");
    }
    int n = s.path("__next").asInt(1);
    s.put("__next", n + 1);
    sim.replace(key, s);
    ObjectNode v = Sim.obj();
    v.put("name", s.path("name").asText() + "/versions/" + n);
    v.put("createTime", sim.now());
    v.put("state", "ENABLED");
    v.putObject("replicationStatus").putObject("automatic");
    v.put("etag", "\"" + sim.hex(7) + "\"");
    v.put("clientSpecifiedPayloadChecksum", payload.hasNonNull("dataCrc32c"));
    v.put("__crc32c", crc.getValue());
    String vkey = key + "/versions/" + String.format("%010d", n);
    ObjectNode out = sim.insert(vkey, "secretmanager.version", key.split("/")[1], key, v);
    sim.store.putBlob(vkey, data);
    return out;
  }

  private ObjectNode version(Req r, Need need) {
    ObjectNode s = secret(r, need);
    String key = s.path("__key").asText();
    String v = r.p("version");
    int n;
    if ("latest".equals(v)) {
      n = s.path("__next").asInt(1) - 1;
      while (n > 0 && sim.store.get(key + "/versions/" + String.format("%010d", n)).map(o -> !"ENABLED".equals(o.path("state").asText())).orElse(true)) n--;
    } else if (v.matches("[0-9]{1,9}")) {
      n = Integer.parseInt(v);
    } else {
      throw ApiException.invalid("Invalid version id '" + v + "': expected a number or 'latest'.");
    }
    return sim.store.get(key + "/versions/" + String.format("%010d", n)).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND",
        "Secret Version [" + s.path("name").asText() + "/versions/" + v + "] not found."));
  }

  private Object listVersions(Req r) {
    ObjectNode s = secret(r, Need.READ);
    return sim.page(r, "secretmanager.version", s.path("__key").asText(), "versions", "pageSize");
  }

  private Object access(Req r) {
    ObjectNode s = secret(r, Need.READ);
    sim.project(r.caller(), r.p("project"), Need.SECRET_ACCESS, s.path("__key").asText());
    ObjectNode v = version(r, Need.READ);
    if (!"ENABLED".equals(v.path("state").asText())) {
      throw ApiException.precondition("Secret Version [" + v.path("name").asText() + "] is in " + v.path("state").asText() + " state.");
    }
    byte[] data = sim.store.blob(v.path("__key").asText()).orElse(new byte[0]);
    ObjectNode out = Sim.obj();
    out.put("name", v.path("name").asText());
    ObjectNode p = out.putObject("payload");
    p.put("data", Base64.getEncoder().encodeToString(data));
    p.put("dataCrc32c", Long.toString(v.path("__crc32c").asLong()));
    return out;
  }

  private Object state(Req r, String state) {
    ObjectNode v = version(r, Need.WRITE);
    if ("DESTROYED".equals(v.path("state").asText())) throw ApiException.precondition("Secret Version [" + v.path("name").asText() + "] is destroyed.");
    v.put("state", state);
    if (state.equals("DESTROYED")) {
      v.put("destroyTime", sim.now());
      sim.store.putBlob(v.path("__key").asText(), new byte[0]);
    }
    sim.replace(v.path("__key").asText(), v);
    return Sim.pub(v);
  }

  private Object getIamPolicy(Req r) {
    ObjectNode s = secret(r, Need.READ);
    return sim.policies.get(s.path("__key").asText());
  }

  private Object setIamPolicy(Req r) {
    ObjectNode s = secret(r, Need.ADMIN);
    String key = s.path("__key").asText();
    return sim.policies.set(key, key.split("/")[1], r.json(), false);
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }
}
