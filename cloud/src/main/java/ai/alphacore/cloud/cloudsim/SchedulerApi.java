package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.cloudsim.Access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Cloud Scheduler v1: jobs with a Pub/Sub or HTTP target; pause and resume. */
final class SchedulerApi {
  private static final String BASE = "/v1/projects/{project}/locations/{location}/jobs";
  private static final Pattern CRON_FIELD = Pattern.compile("^(\\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?(,(\\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*$");
  private static final Set<String> METHODS = Set.of("POST", "GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final Sim sim;

  SchedulerApi(Sim sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", BASE, this::create);
    r.add("GET", BASE, q -> sim.page(q, "scheduler.job", "projects/" + pid(q, Need.READ) + "/locations/" + q.p("location"), "jobs", "pageSize"));
    r.add("GET", BASE + "/{job}", q -> Sim.pub(job(q, Need.READ)));
    r.add("DELETE", BASE + "/{job}", this::delete);
    r.add("POST", BASE + "/{job}:pause", q -> setState(q, "PAUSED"));
    r.add("POST", BASE + "/{job}:resume", q -> setState(q, "ENABLED"));
  }

  private Object create(Req r) {
    String project = pid(r, Need.WRITE);
    String location = r.p("location");
    Regions.location(location, false);
    ObjectNode b = r.json();
    String name = Sim.required(b, "name", "job.name");
    String prefix = "projects/" + project + "/locations/" + location + "/jobs/";
    if (!name.startsWith(prefix)) throw ApiException.invalid("Job name must be of the form " + prefix + "JOB_ID, got '" + name + "'.");
    String id = name.substring(prefix.length());
    Names.check(Names.JOB_ID, id, "job.name", "Job ids are 1-500 letters, digits, '_' or '-'.");
    if (sim.store.get(name).isPresent()) throw new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "Job " + name + " already exists.");
    String schedule = Sim.required(b, "schedule", "job.schedule");
    String[] fields = schedule.trim().split("\\s+");
    boolean cronOk = fields.length == 5;
    for (String f : fields) cronOk &= CRON_FIELD.matcher(f).matches();
    if (!cronOk) throw ApiException.invalid("Schedule has an invalid format: '" + schedule + "'. Use unix-cron, e.g. '*/5 * * * *'.");
    String tz = b.path("timeZone").asText("Etc/UTC");
    try {
      ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw ApiException.invalid("Invalid time zone '" + tz + "'. Use a tz database name such as 'Etc/UTC'.");
    }
    boolean pubsub = b.hasNonNull("pubsubTarget");
    boolean http = b.hasNonNull("httpTarget");
    boolean appEngine = b.hasNonNull("appEngineHttpTarget");
    if ((pubsub ? 1 : 0) + (http ? 1 : 0) + (appEngine ? 1 : 0) != 1) {
      throw ApiException.invalid("A job needs exactly one target: pubsubTarget, httpTarget or appEngineHttpTarget.");
    }
    ObjectNode j = Sim.obj();
    j.put("name", name);
    j.put("description", b.path("description").asText(""));
    if (pubsub) {
      JsonNode t = b.get("pubsubTarget");
      String topic = t.path("topicName").asText("");
      if (!topic.matches("projects/[a-z][-a-z0-9]{4,28}[a-z0-9]/topics/[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}")) {
        throw ApiException.invalid("Invalid topic name '" + topic + "': expected projects/PROJECT/topics/TOPIC.");
      }
      ObjectNode o = j.putObject("pubsubTarget");
      o.put("topicName", topic);
      if (t.hasNonNull("data")) o.put("data", t.get("data").asText());
      if (t.hasNonNull("attributes")) o.set("attributes", t.get("attributes"));
    }
    if (http) {
      JsonNode t = b.get("httpTarget");
      String uri = t.path("uri").asText("");
      try {
        URI u = URI.create(uri);
        if (!Set.of("http", "https").contains(String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT)) || u.getHost() == null) throw new IllegalArgumentException();
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("Invalid value for field 'httpTarget.uri': '" + uri + "'. Must be an http or https URL.");
      }
      String method = t.path("httpMethod").asText("POST").toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) throw ApiException.invalid("Invalid value for field 'httpTarget.httpMethod': '" + method + "'.");
      ObjectNode o = j.putObject("httpTarget");
      o.put("uri", uri);
      o.put("httpMethod", method);
      for (String k : new String[] {"headers", "body", "oauthToken", "oidcToken"}) if (t.hasNonNull(k)) o.set(k, t.get(k));
    }
    if (appEngine) j.set("appEngineHttpTarget", b.get("appEngineHttpTarget"));
    j.put("userUpdateTime", sim.now());
    j.put("state", "ENABLED");
    j.put("scheduleTime", sim.now());
    j.put("schedule", schedule);
    j.put("timeZone", tz);
    JsonNode rc = b.path("retryConfig");
    ObjectNode retry = j.putObject("retryConfig");
    retry.put("retryCount", rc.path("retryCount").asInt(0));
    retry.put("maxRetryDuration", rc.path("maxRetryDuration").asText("0s"));
    retry.put("minBackoffDuration", rc.path("minBackoffDuration").asText("5s"));
    retry.put("maxBackoffDuration", rc.path("maxBackoffDuration").asText("3600s"));
    retry.put("maxDoublings", rc.path("maxDoublings").asInt(5));
    String deadline = b.path("attemptDeadline").asText("180s");
    long d = Names.seconds(deadline, "attemptDeadline");
    if (d < 15 || d > 1800) throw ApiException.invalid("Invalid value for field 'attemptDeadline': must be between 15s and 1800s, got " + deadline + ".");
    j.put("attemptDeadline", deadline);
    return sim.insert(name, "scheduler.job", project, "projects/" + project + "/locations/" + location, j);
  }

  private ObjectNode job(Req r, Need need) {
    String project = pid(r, need);
    String key = "projects/" + project + "/locations/" + r.p("location") + "/jobs/" + r.p("job");
    return sim.store.get(key).orElseThrow(() -> new ApiException(404, "notFound", "NOT_FOUND", "Job not found."));
  }

  private Object delete(Req r) {
    ObjectNode j = job(r, Need.WRITE);
    sim.store.delete(j.path("name").asText());
    return Sim.obj();
  }

  private Object setState(Req r, String state) {
    ObjectNode j = job(r, Need.WRITE);
    j.put("state", state);
    j.put("userUpdateTime", sim.now());
    sim.replace(j.path("name").asText(), j);
    return Sim.pub(j);
  }

  private String pid(Req r, Need need) {
    return sim.project(r.caller(), r.p("project"), need).path("projectId").asText();
  }
}
