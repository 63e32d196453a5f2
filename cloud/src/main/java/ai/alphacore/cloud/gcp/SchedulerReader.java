package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** google_cloud_scheduler_job from Cloud Scheduler v1. */
final class SchedulerReader extends BaseReader {
  private static final Pattern JOB = Pattern.compile("^projects/([^/]+)/locations/([^/]+)/jobs/([^/]+)$");

  SchedulerReader() {
    super("google_cloud_scheduler_job");
  }

  @Override
  public Candidate candidate(JsonNode a, String declared) {
    String id = Ids.str(a, "id");
    String name = Ids.str(a, "name");
    if (name != null && name.startsWith("projects/")) name = Ids.group(JOB, name, 3);
    if (name == null) name = Ids.group(JOB, id, 3);
    String region = Ids.str(a, "region");
    if (region == null) region = Ids.group(JOB, id, 2);
    String p = projectOf(a, declared, "id");
    Candidate c = checkProject(p, declared);
    if (c != null) return c;
    if (!Ids.ok(Ids.JOB_ID, name)) return bad("job name '" + name + "' is not valid");
    if (!Ids.ok(Ids.REGION, region)) return bad("job region '" + region + "' is not a region");
    return ok(p, region, name);
  }

  @Override
  public Optional<ObjectNode> read(ResourceRef ref, ReadContext ctx) throws ValidatorFault {
    String path = "/v1/projects/" + Paths.seg(ref.project()) + "/locations/" + Paths.seg(ref.id(0)) + "/jobs/" + Paths.seg(ref.id(1));
    Optional<JsonNode> got = ctx.get(GcpService.SCHEDULER, path, ref, "scheduler job");
    if (got.isEmpty()) return Optional.empty();
    JsonNode j = got.get();
    String name = s(j, "name", "");
    if (!ctx.owned(ref, Ids.group(JOB, name, 1))) return Optional.empty();
    ObjectNode t = o();
    t.set("app_engine_http_target", a());
    t.put("attempt_deadline", s(j, "attemptDeadline", "180s"));
    t.put("description", s(j, "description", ""));
    if (j.hasNonNull("httpTarget")) {
      JsonNode h = j.get("httpTarget");
      ObjectNode x = t.putArray("http_target").addObject();
      x.put("body", s(h, "body", ""));
      x.set("headers", h.hasNonNull("headers") ? h.get("headers") : F.nullNode());
      x.put("http_method", s(h, "httpMethod", "POST"));
      x.set("oauth_token", a());
      x.set("oidc_token", a());
      x.put("uri", s(h, "uri", ""));
    } else {
      t.set("http_target", a());
    }
    t.put("id", name);
    t.put("name", Ids.last(name));
    t.put("paused", "PAUSED".equals(s(j, "state", "")));
    t.put("project", ctx.project());
    if (j.hasNonNull("pubsubTarget")) {
      JsonNode p = j.get("pubsubTarget");
      ObjectNode x = t.putArray("pubsub_target").addObject();
      x.set("attributes", p.hasNonNull("attributes") ? p.get("attributes") : F.nullNode());
      x.put("data", s(p, "data", ""));
      x.put("topic_name", s(p, "topicName", ""));
    } else {
      t.set("pubsub_target", a());
    }
    String region = Ids.group(JOB, name, 2);
    t.put("region", region == null ? ref.id(0) : region);
    JsonNode rc = j.path("retryConfig");
    if (num(rc, "retryCount", 0) > 0) {
      t.putArray("retry_config").addObject()
          .put("max_backoff_duration", s(rc, "maxBackoffDuration", ""))
          .put("max_doublings", num(rc, "maxDoublings", 0))
          .put("max_retry_duration", s(rc, "maxRetryDuration", ""))
          .put("min_backoff_duration", s(rc, "minBackoffDuration", ""))
          .put("retry_count", num(rc, "retryCount", 0));
    } else {
      t.set("retry_config", a());
    }
    t.put("schedule", s(j, "schedule", ""));
    t.put("state", s(j, "state", ""));
    t.put("time_zone", s(j, "timeZone", ""));
    t.putNull("timeouts");
    return Optional.of(t);
  }
}
