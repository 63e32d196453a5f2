package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Cloud Storage JSON API v1: buckets (one global namespace), objects (media and multipart
 * uploads, metadata and media reads) and bucket IAM policies.
 */
final class StorageApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> CLASSES = Set.of("STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE", "MULTI_REGIONAL", "REGIONAL", "DURABLE_REDUCED_AVAILABILITY");

  private final Sim sim;

  StorageApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", "/storage/v1/b", this::insertBucket);
    r.add("GET", "/storage/v1/b", this::listBuckets);
    r.add("GET", "/storage/v1/b/{bucket}", q -> Sim.pub(bucket(q, Need.READ)));
    r.add("DELETE", "/storage/v1/b/{bucket}", this::deleteBucket);
    r.add("GET", "/storage/v1/b/{bucket}/iam", this::getIam);
    r.add("PUT", "/storage/v1/b/{bucket}/iam", this::setIam);
    r.add("POST", "/upload/storage/v1/b/{bucket}/o", this::upload);
    r.add("GET", "/storage/v1/b/{bucket}/o", this::listObjects);
    r.add("GET", "/storage/v1/b/{bucket}/o/{object}", this::getObject);
    r.add("GET", "/download/storage/v1/b/{bucket}/o/{object}", this::getObject);
    r.add("DELETE", "/storage/v1/b/{bucket}/o/{object}", this::deleteObject);
  }

  private Object insertBucket(Req r) {
    String projectParam = r.q("project");
    if (projectParam == null || projectParam.isEmpty()) throw ApiException.invalid("Required parameter: project");
    ObjectNode project = sim.project(r.caller(), projectParam, Need.WRITE);
    String projectId = project.path("projectId").asText();
    ObjectNode b = r.json();
    String name = Sim.text(b, "name");
    Names.bucket(name);
    String key = "b/" + name;
    var existing = sim.store.projectOf(key);
    if (existing.isPresent()) {
      throw new ApiException(409, "conflict", "ALREADY_EXISTS", existing.get().equals(projectId)
          ? "Your previous request to create the named bucket succeeded and you already own it."
          : "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.");
    }
    String location = Regions.bucketLocation(Sim.text(b, "location"));
    String cls = b.path("storageClass").asText("STANDARD").toUpperCase(Locale.ROOT);
    if (!CLASSES.contains(cls)) throw ApiException.invalid("Invalid argument: storage class '" + cls + "' is not valid.");
    Names.labels(b.get("labels"));
    String now = sim.now();
    ObjectNode o = Sim.obj();
    o.put("kind", "storage#bucket");
    o.put("selfLink", Sim.STORAGE + key);
    o.put("id", name);
    o.put("name", name);
    o.put("projectNumber", project.path("projectNumber").asText());
    o.put("metageneration", "1");
    o.put("location", location);
    o.put("storageClass", cls);
    o.put("etag", "CAE=");
    o.put("timeCreated", now);
    o.put("updated", now);
    ObjectNode soft = o.putObject("softDeletePolicy");
    soft.put("retentionDurationSeconds", b.path("softDeletePolicy").path("retentionDurationSeconds").asText("604800"));
    soft.put("effectiveTime", now);
    ObjectNode iam = o.putObject("iamConfiguration");
    boolean ubla = b.path("iamConfiguration").path("uniformBucketLevelAccess").path("enabled").asBoolean(false);
    iam.putObject("bucketPolicyOnly").put("enabled", ubla);
    iam.putObject("uniformBucketLevelAccess").put("enabled", ubla);
    String pap = b.path("iamConfiguration").path("publicAccessPrevention").asText("inherited");
    if (!Set.of("inherited", "enforced", "unspecified").contains(pap)) throw ApiException.invalid("Invalid value for publicAccessPrevention: '" + pap + "'.");
    iam.put("publicAccessPrevention", pap);
    o.put("locationType", Regions.MULTI_REGIONS.contains(location) ? "multi-region" : "region");
    if (Regions.MULTI_REGIONS.contains(location)) o.put("rpo", "DEFAULT");
    for (String k : new String[] {"labels", "versioning", "website", "cors", "lifecycle", "logging", "retentionPolicy", "encryption", "autoclass", "customPlacementConfig", "defaultEventBasedHold", "billing"}) {
      if (b.hasNonNull(k)) o.set(k, b.get(k));
    }
    o.putObject("hierarchicalNamespace").put("enabled", b.path("hierarchicalNamespace").path("enabled").asBoolean(false));
    ObjectNode out = sim.insert(key, "storage.bucket", projectId, "projects/" + projectId, o);
    sim.policies.grant(key, projectId, "roles/storage.legacyBucketOwner", "projectOwner:" + projectId);
    sim.policies.grant(key, projectId, "roles/storage.legacyBucketOwner", "projectEditor:" + projectId);
    sim.policies.grant(key, projectId, "roles/storage.legacyBucketReader", "projectViewer:" + projectId);
    return out;
  }

  private Object listBuckets(Req r) {
    String projectParam = r.q("project");
    if (projectParam == null || projectParam.isEmpty()) throw ApiException.invalid("Required parameter: project");
    String projectId = sim.project(r.caller(), projectParam, Need.READ).path("projectId").asText();
    ObjectNode page = sim.page(r, "storage.bucket", "projects/" + projectId, "items", "maxResults");
    page.put("kind", "storage#buckets");
    return page;
  }

  /** The stored bucket after the access check: 404 when missing, 403 when the caller lacks the role. */
  private ObjectNode bucket(Req r, Need need) {
    String name = r.p("bucket");
    String key = "b/" + name;
    var project = sim.store.projectOf(key);
    if (project.isEmpty()) throw new ApiException(404, "notFound", "NOT_FOUND", "The specified bucket does not exist.");
    if (!r.caller().allAccess()) {
      try {
        sim.access.require(r.caller(), project.get(), need);
      } catch (ApiException e) {
        throw ApiException.forbidden(r.caller().member().replaceFirst("^[a-zA-Z]+:", "") + " does not have storage.buckets."
            + (need == Need.READ ? "get" : "update") + " access to the Google Cloud Storage bucket. Permission denied on resource (or it may not exist).");
      }
    }
    return sim.get(key);
  }

  private Object deleteBucket(Req r) {
    ObjectNode b = bucket(r, Need.WRITE);
    String key = "b/" + b.path("name").asText();
    if (!sim.store.keys("storage.object", key).isEmpty()) throw ApiException.conflict("The bucket you tried to delete is not empty.");
    sim.store.delete(key);
    sim.policies.delete(key);
    return Sim.NO_CONTENT;
  }

  private Object getIam(Req r) {
    ObjectNode b = bucket(r, Need.READ);
    return iamView(b.path("name").asText(), sim.policies.get("b/" + b.path("name").asText()));
  }

  private Object setIam(Req r) {
    ObjectNode b = bucket(r, Need.WRITE);
    String name = b.path("name").asText();
    String project = sim.store.projectOf("b/" + name).orElseThrow();
    if (!r.caller().allAccess()) sim.access.require(r.caller(), project, Need.ADMIN);
    ObjectNode wrapped = Sim.obj();
    wrapped.set("policy", r.json());
    boolean publicBlocked = "enforced".equals(b.path("iamConfiguration").path("publicAccessPrevention").asText());
    return iamView(name, sim.policies.set("b/" + name, project, wrapped, !publicBlocked));
  }

  private static ObjectNode iamView(String bucket, ObjectNode policy) {
    ObjectNode o = Sim.obj();
    o.put("kind", "storage#policy");
    o.put("resourceId", "projects/_/buckets/" + bucket);
    o.put("version", 1);
    o.put("etag", policy.path("etag").asText());
    o.set("bindings", policy.has("bindings") ? policy.get("bindings") : o.arrayNode());
    return o;
  }

  // ---- objects

  private Object upload(Req r) {
    ObjectNode bucket = bucket(r, Need.WRITE);
    String type = r.q("uploadType");
    ObjectNode meta;
    byte[] data;
    String contentType = r.headers().getOrDefault("content-type", "");
    if ("media".equals(type)) {
      meta = Sim.obj();
      meta.put("name", r.q("name"));
      if (!contentType.isEmpty()) meta.put("contentType", contentType);
      data = r.body();
    } else if ("multipart".equals(type)) {
      Multipart mp = Multipart.parse(contentType, r.body());
      try {
        JsonNode m = MAPPER.readTree(mp.metadata());
        if (m == null || !m.isObject()) throw ApiException.invalid("Multipart metadata must be a JSON object.");
        meta = (ObjectNode) m;
      } catch (IOException e) {
        throw ApiException.invalid("Invalid JSON in multipart metadata.");
      }
      if (!meta.has("contentType") && mp.mediaType() != null) meta.put("contentType", mp.mediaType());
      if (r.q("name") != null && !meta.has("name")) meta.put("name", r.q("name"));
      data = mp.media();
    } else {
      throw ApiException.invalid("uploadType must be 'media' or 'multipart' (cloudsim does not implement resumable uploads).");
    }
    String name = Sim.text(meta, "name");
    Names.objectName(name);
    String bucketName = bucket.path("name").asText();
    String key = "b/" + bucketName + "/o/" + name;
    long generation = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
    String now = sim.now();
    ObjectNode o = Sim.obj();
    o.put("kind", "storage#object");
    o.put("id", bucketName + "/" + name + "/" + generation);
    String enc = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    o.put("selfLink", Sim.STORAGE + "b/" + bucketName + "/o/" + enc);
    o.put("mediaLink", Sim.DOWNLOAD + "b/" + bucketName + "/o/" + enc + "?generation=" + generation + "&alt=media");
    o.put("name", name);
    o.put("bucket", bucketName);
    o.put("generation", Long.toString(generation));
    o.put("metageneration", "1");
    o.put("contentType", meta.path("contentType").asText("application/octet-stream"));
    o.put("storageClass", meta.path("storageClass").asText(bucket.path("storageClass").asText()));
    o.put("size", Integer.toString(data.length));
    o.put("md5Hash", md5(data));
    o.put("crc32c", crc32c(data));
    o.put("etag", "C" + sim.hex(4) + "=");
    o.put("timeCreated", now);
    o.put("updated", now);
    o.put("timeStorageClassUpdated", now);
    for (String k : new String[] {"cacheControl", "contentDisposition", "contentEncoding", "contentLanguage", "metadata", "temporaryHold", "eventBasedHold"}) {
      if (meta.hasNonNull(k)) o.set(k, meta.get(k));
    }
    if (meta.hasNonNull("md5Hash") && !meta.get("md5Hash").asText().equals(o.get("md5Hash").asText())) {
      throw ApiException.invalid("Provided MD5 hash \"" + meta.get("md5Hash").asText() + "\" doesn't match calculated MD5 hash \"" + o.get("md5Hash").asText() + "\".");
    }
    o.put("__key", key);
    String project = sim.store.projectOf("b/" + bucketName).orElseThrow();
    if (!sim.store.insert(key, "storage.object", project, "b/" + bucketName, o)) sim.store.replace(key, o);
    sim.store.putBlob(key, data);
    return Sim.pub(o);
  }

  private Object listObjects(Req r) {
    ObjectNode bucket = bucket(r, Need.READ);
    ObjectNode page = sim.page(r, "storage.object", "b/" + bucket.path("name").asText(), "items", "maxResults");
    String prefix = r.q("prefix");
    if (prefix != null) {
      var items = page.withArray("items");
      for (int i = items.size() - 1; i >= 0; i--) if (!items.get(i).path("name").asText().startsWith(prefix)) items.remove(i);
    }
    page.put("kind", "storage#objects");
    return page;
  }

  private Object getObject(Req r) {
    ObjectNode bucket = bucket(r, Need.READ);
    String key = "b/" + bucket.path("name").asText() + "/o/" + r.p("object");
    ObjectNode o = sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "No such object: " + bucket.path("name").asText() + "/" + r.p("object")));
    if ("media".equals(r.q("alt")) || r.path().startsWith("/download/")) {
      return new Sim.Media(sim.store.blob(key).orElse(new byte[0]), o.path("contentType").asText("application/octet-stream"));
    }
    return Sim.pub(o);
  }

  private Object deleteObject(Req r) {
    ObjectNode bucket = bucket(r, Need.WRITE);
    String key = "b/" + bucket.path("name").asText() + "/o/" + r.p("object");
    if (!sim.store.delete(key)) throw new ApiException(404, "notFound", "NOT_FOUND", "No such object: " + bucket.path("name").asText() + "/" + r.p("object"));
    return Sim.NO_CONTENT;
  }

  static String md5(byte[] data) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
  }

  /** A multipart/related upload: a JSON metadata part, then the media part. */
  record Multipart(byte[] metadata, byte[] media, String mediaType) {
    static Multipart parse(String contentType, byte[] body) {
      int bi = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
      if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related") || bi < 0) {
        throw ApiException.invalid("uploadType=multipart needs Content-Type multipart/related with a boundary.");
      }
      String boundary = contentType.substring(bi + 9).split(";")[0].trim().replace("\"", "");
      byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      java.util.List<byte[]> parts = new java.util.ArrayList<>();
      int pos = indexOf(body, delim, 0);
      while (pos >= 0) {
        int start = pos + delim.length;
        if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break;
        int next = indexOf(body, delim, start);
        if (next < 0) break;
        parts.add(Arrays.copyOfRange(body, start, next));
        pos = next;
      }
      if (parts.size() != 2) throw ApiException.invalid("A multipart upload must have exactly two parts (metadata, media); got " + parts.size() + ".");
      String[] h0 = headers(parts.get(0));
      String[] h1 = headers(parts.get(1));
      return new Multipart(content(parts.get(0), h0), content(parts.get(1), h1), h1[1]);
    }

    /** [header block length, content type]. */
    private static String[] headers(byte[] part) {
      int end = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
      if (end < 0) throw ApiException.invalid("Malformed multipart part: no header terminator.");
      String head = new String(part, 0, end, StandardCharsets.ISO_8859_1);
      String type = null;
      for (String line : head.split("\r\n")) {
        int c = line.indexOf(':');
        if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase("content-type")) type = line.substring(c + 1).trim();
      }
      return new String[] {Integer.toString(end + 4), type};
    }

    private static byte[] content(byte[] part, String[] h) {
      int from = Integer.parseInt(h[0]);
      int to = part.length;
      if (to >= 2 && part[to - 2] == '\r' && part[to - 1] == '\n') to -= 2;
      return Arrays.copyOfRange(part, from, Math.max(from, to));
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
      outer:
      for (int i = from; i <= hay.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
        return i;
      }
      return -1;
    }
  }
}
