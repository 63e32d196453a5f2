package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** google_pubsub_topic and _subscription from Pub/Sub v1. */
final class PubSubReaders {
  private PubSubReaders() {}

  static List<ResourceReader> all() {
    return List.of(new Topic(), new Subscription());
  }

  /** Short name and project from {@code name} (short or {@code projects/P/topics/T}) and {@code project}. */
  static Candidate named(BaseReader r, JsonNode a, String declared, String collection) {
    String raw = Ids.str(a, "name") != null ? Ids.str(a, "name") : Ids.str(a, "id");
    String p = Ids.str(a, "project");
    if (raw != null && raw.startsWith("projects/")) {
      String[] parts = raw.split("/");
      if (parts.length != 4 || !parts[2].equals(collection)) return r.bad(collection + " name '" + raw + "' is not projects/P/" + collection + "/NAME");
      if (p == null) p = parts[1];
      else if (!p.equals(parts[1])) return new Candidate.Rejected("NOT_OWNED", "name names project " + parts[1] + " but project is " + p);
      raw = parts[3];
    }
    if (p == null) p = declared;
    Candidate c = r.checkProject(p, declared);
    if (c != null) return c;
    if (!Ids.ok(Ids.PUBSUB, raw)) return r.bad(collection + " name '" + raw + "' is not a valid Pub/Sub name");
    return r.ok(p, raw);
  }

  static final class Topic extends BaseReader {
    Topic() {
      super("google_pubsub_topic");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      return named(this, a, declared, "topics");
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ctx.get(GcpService.PUBSUB, "/v1/projects/" + Paths.seg(ref.project()) + "/topics/" + Paths.seg(ref.id(0)), ref, "topic");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      if (!ctx.owned(ref, projectInPath(s(n, "name", "") + "/")) || !ctx.carriesNonce(ref, n.get("labels"))) return Optional.empty();
      ObjectNode t = o();
      labels(t, n.get("labels"));
      t.put("id", s(n, "name", ""));
      t.set("ingestion_data_source_settings", a());
      t.put("kms_key_name", s(n, "kmsKeyName", ""));
      t.put("message_retention_duration", s(n, "messageRetentionDuration", ""));
      t.set("message_storage_policy", a());
      t.set("message_transforms", a());
      t.put("name", Ids.last(s(n, "name", "")));
      t.put("project", ctx.project());
      t.set("schema_settings", a());
      t.putNull("tags");
      return Optional.of(nullTimeouts(t));
    }
  }

  static final class Subscription extends BaseReader {
    Subscription() {
      super("google_pubsub_subscription");
    }

    @Override
    public Candidate candidate(JsonNode a, String declared) {
      return named(this, a, declared, "subscriptions");
    }

    @Override
    public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
      Optional<JsonNode> got = ctx.get(GcpService.PUBSUB, "/v1/projects/" + Paths.seg(ref.project()) + "/subscriptions/" + Paths.seg(ref.id(0)), ref, "subscription");
      if (got.isEmpty()) return Optional.empty();
      JsonNode n = got.get();
      if (!ctx.owned(ref, projectInPath(s(n, "name", "") + "/")) || !ctx.carriesNonce(ref, n.get("labels"))) return Optional.empty();
      ObjectNode t = o();
      t.put("ack_deadline_seconds", num(n, "ackDeadlineSeconds", 10));
      t.set("bigquery_config", a());
      t.set("cloud_storage_config", a());
      t.set("dead_letter_policy", a());
      labels(t, n.get("labels"));
      t.put("enable_exactly_once_delivery", b(n, "enableExactlyOnceDelivery", false));
      t.put("enable_message_ordering", b(n, "enableMessageOrdering", false));
      t.putArray("expiration_policy").addObject().put("ttl", s(n.path("expirationPolicy"), "ttl", ""));
      t.put("filter", s(n, "filter", ""));
      t.put("id", s(n, "name", ""));
      t.put("message_retention_duration", s(n, "messageRetentionDuration", ""));
      t.set("message_transforms", a());
      t.put("name", Ids.last(s(n, "name", "")));
      t.put("project", ctx.project());
      if (n.path("pushConfig").hasNonNull("pushEndpoint")) {
        t.putArray("push_config").addObject().put("push_endpoint", s(n.get("pushConfig"), "pushEndpoint", ""));
      } else {
        t.set("push_config", a());
      }
      t.put("retain_acked_messages", b(n, "retainAckedMessages", false));
      t.set("retry_policy", a());
      t.putNull("tags");
      t.put("topic", s(n, "topic", ""));
      return Optional.of(nullTimeouts(t));
    }
  }
}
