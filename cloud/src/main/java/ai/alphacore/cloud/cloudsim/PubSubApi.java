package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pub/Sub v1: topics and subscriptions (no message publishing or pulling). */
final class PubSubApi {
  private static final long MIN_RETENTION = 600;
  private static final long TOPIC_MAX_RETENTION = 31L * 86400;
  private static final long SUB_MAX_RETENTION = 7L * 86400;

  private final Sim sim;

  PubSubApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("PUT", "/v1/projects/{project}/topics/{topic}", this::createTopic);
    r.add("GET", "/v1/projects/{project}/topics", q -> list(q, "pubsub.topic", "topics"));
    r.add("GET", "/v1/projects/{project}/topics/{topic}", q -> get(q, "projects/" + pid(q, Need.READ) + "/topics/" + q.p("topic")));
    r.add("DELETE", "/v1/projects/{project}/topics/{topic}", this::deleteTopic);
    r.add("GET", "/v1/projects/{project}/topics/{topic}/subscriptions", this::topicSubscriptions);
    r.add("PUT", "/v1/projects/{project}/subscriptions/{subscription}", this::createSubscription);
    r.add("GET", "/v1/projects/{project}/subscriptions", q -> list(q, "pubsub.subscription", "subscriptions"));
    r.add("GET", "/v1/projects/{project}/subscriptions/{subscription}", q -> get(q, "projects/" + pid(q, Need.READ) + "/subscriptions/" + q.p("subscription")));
    r.add("DELETE", "/v1/projects/{project}/subscriptions/{subscription}", this::deleteSubscription);
  }

  private Object createTopic(Req r) {
    String project = pid(r, Need.WRITE);
    String name = r.p("topic");
    Names.pubsub(name, "topic");
    ObjectNode b = r.json();
    Names.labels(b.get("labels"));
    String key = "projects/" + project + "/topics/" + name;
    if (sim.store.get(key).isPresent()) throw conflict(name);
    ObjectNode t = Sim.obj();
    t.put("name", key);
    if (b.hasNonNull("labels") && !b.get("labels").isEmpty()) t.set("labels", b.get("labels"));
    if (b.hasNonNull("messageRetentionDuration")) {
      String d = b.get("messageRetentionDuration").asText();
      long s = Names.seconds(d, "message_retention_duration");
      if (s < MIN_RETENTION || s > TOPIC_MAX_RETENTION) {
        throw ApiException.invalid("Invalid message_retention_duration: must be between 10 minutes and 31 days, got " + d + ".");
      }
      t.put("messageRetentionDuration", d);
    }
    for (String k : new String[] {"kmsKeyName", "messageStoragePolicy", "schemaSettings"}) if (b.hasNonNull(k)) t.set(k, b.get(k));
    t.put("state", "ACTIVE");
    return sim.insert(key, "pubsub.topic", project, "projects/" + project, t);
  }

  private Object deleteTopic(Req r) {
    String project = pid(r, Need.WRITE);
    String key = "projects/" + project + "/topics/" + r.p("topic");
    if (!sim.store.delete(key)) throw notFound(r.p("topic"));
    for (ObjectNode s : sim.store.inProject("pubsub.subscription", project)) {
      if (key.equals(s.path("topic").asText())) {
        s.put("topic", "_deleted-topic_");
        sim.replace(s.path("__key").asText(), s);
      }
    }
    return Sim.obj();
  }

  private Object topicSubscriptions(Req r) {
    String project = pid(r, Need.READ);
    String key = "projects/" + project + "/topics/" + r.p("topic");
    if (sim.store.get(key).isEmpty()) throw notFound(r.p("topic"));
    ObjectNode out = Sim.obj();
    var arr = out.putArray("subscriptions");
    for (ObjectNode s : sim.store.inProject("pubsub.subscription", project)) {
      if (key.equals(s.path("topic").asText())) arr.add(s.path("name").asText());
    }
    return out;
  }

  private Object createSubscription(Req r) {
    String project = pid(r, Need.WRITE);
    String name = r.p("subscription");
    Names.pubsub(name, "subscription");
    ObjectNode b = r.json();
    String topic = Sim.required(b, "topic", "topic");
    if (!topic.matches("projects/[^/]+/topics/[^/]+")) throw ApiException.invalid("Invalid [topics] name: (name=" + topic + ")");
    if (sim.store.get(topic).isEmpty()) throw notFound(Names.last(topic));
    String topicProject = topic.split("/")[1];
    if (!topicProject.equals(project)) sim.access.require(r.caller(), topicProject, Need.READ);
    String key = "projects/" + project + "/subscriptions/" + name;
    if (sim.store.get(key).isPresent()) throw conflict(name);
    Names.labels(b.get("labels"));
    ObjectNode s = Sim.obj();
    s.put("name", key);
    s.put("topic", topic);
    if (b.hasNonNull("labels") && !b.get("labels").isEmpty()) s.set("labels", b.get("labels"));
    s.set("pushConfig", b.hasNonNull("pushConfig") ? b.get("pushConfig") : Sim.obj());
    int ack = b.path("ackDeadlineSeconds").asInt(0);
    if (ack == 0) ack = 10;
    if (ack < 10 || ack > 600) throw ApiException.invalid("Invalid ack_deadline_seconds: must be between 10 and 600, got " + ack + ".");
    s.put("ackDeadlineSeconds", ack);
    s.put("retainAckedMessages", b.path("retainAckedMessages").asBoolean(false));
    String retention = b.path("messageRetentionDuration").asText("604800s");
    long rs = Names.seconds(retention, "message_retention_duration");
    if (rs < MIN_RETENTION || rs > SUB_MAX_RETENTION) {
      throw ApiException.invalid("Invalid message_retention_duration: must be between 10 minutes and 7 days, got " + retention + ".");
    }
    s.put("messageRetentionDuration", retention);
    JsonNode exp = b.get("expirationPolicy");
    if (exp == null || exp.isNull()) {
      s.putObject("expirationPolicy").put("ttl", "2678400s");
    } else if (exp.hasNonNull("ttl") && !exp.get("ttl").asText().isEmpty()) {
      String ttl = exp.get("ttl").asText();
      if (Names.seconds(ttl, "expiration_policy.ttl") < 86400) throw ApiException.invalid("Invalid expiration_policy.ttl: the minimum is 1 day, got " + ttl + ".");
      s.putObject("expirationPolicy").put("ttl", ttl);
    } else {
      s.putObject("expirationPolicy"); // never expires
    }
    for (String k : new String[] {"filter", "enableMessageOrdering", "deadLetterPolicy", "retryPolicy", "enableExactlyOnceDelivery", "bigqueryConfig", "cloudStorageConfig"}) {
      if (b.hasNonNull(k)) s.set(k, b.get(k));
    }
    s.put("state", "ACTIVE");
    return sim.insert(key, "pubsub.subscription", project, "projects/" + project, s);
  }

  private Object deleteSubscription(Req r) {
    String project = pid(r, Need.WRITE);
    if (!sim.store.delete("projects/" + project + "/subscriptions/" + r.p("subscription"))) throw notFound(r.p("subscription"));
    return Sim.obj();
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }

  private Object get(Req r, String key) {
    return Sim.pub(sim.store.get(key).orElseThrow(() -> notFound(Names.last(key))));
  }

  private Object list(Req r, String kind, String field) {
    String project = pid(r, Need.READ);
    return sim.page(r, kind, "projects/" + project, field, "pageSize");
  }

  private static ApiException notFound(String name) {
    return new ApiException(404, "notFound", "NOT_FOUND", "Resource not found (resource=" + name + ").");
  }

  private static ApiException conflict(String name) {
    return new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "Resource already exists in the project (resource=" + name + ").");
  }
}
