package ai.alphacore.validation;

import static ai.alphacore.validation.Fixtures.TOKEN;
import static ai.alphacore.validation.Fixtures.get;
import static ai.alphacore.validation.Fixtures.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.validation.client.ValidationApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The reference endpoints with their JSON (validation.md 5.2, vectors A-1..A-6) and the v1 API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  ValidationService svc;
  int port;

  @BeforeAll
  void start() {
    svc = ValidationService.start(Fixtures.config(dir).build());
    port = svc.port();
  }

  @AfterAll
  void stop() {
    svc.close();
  }

  Path write(String name, byte[] zip) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, zip);
    return p;
  }

  JsonNode validate(Path zip, String task) throws Exception {
    Fixtures.Reply r = postJson(port, "/validate", "{\"workspace_zip_path\":" + JSON.writeValueAsString(zip.toString())
        + ",\"task_json\":" + task + ",\"timeout_s\":30}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("X-Acore-Job-Id")).hasSize(32);
    assertThat(r.header("X-Acore-Request-Id")).hasSize(12);
    return JSON.readTree(r.body());
  }

  @Test
  void healthNeedsNoTokenAndHasTheReferenceKeys() throws Exception {
    Fixtures.Reply r = get(port, "/health", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode h = JSON.readTree(r.body());
    assertThat(h.fieldNames()).toIterable().contains("status", "sandbox_ready", "sandbox_workers", "sandbox_queue_size",
        "sandbox_queued", "sandbox_running", "token_ready", "token_error", "timestamp");
    assertThat(h.get("status").asText()).isEqualTo("healthy");
    assertThat(h.get("sandbox_ready").asBoolean()).isTrue();
    assertThat(h.get("token_ready").asBoolean()).isTrue();
    assertThat(h.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
  }

  @Test
  void everythingButHealthNeedsTheBearerToken() {
    for (String p : new String[] {"/validate/active", "/validate/x", "/task/x", "/v1/jobs/x", "/openapi.json", "/metrics"}) {
      Fixtures.Reply r = get(port, p, null);
      assertThat(r.status()).as(p).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(get(port, p, "wrong-token-0123456789").status()).as(p).isEqualTo(401);
    }
    assertThat(Fixtures.post(port, "/validate", null, "application/json", HttpRequest.BodyPublishers.ofString("{}")).status()).isEqualTo(401);
  }

  @Test
  void passingSubmissionGivesTheReferenceResult() throws Exception {
    String v = "0001-ideal-adhoc_custom_role";
    JsonNode body = validate(write("pass.zip", Fixtures.vectorZip(v)), Fixtures.vectorTask(v));
    assertThat(body.fieldNames()).toIterable().contains("job_id", "task_id", "result", "log_url", "log_path", "submission_path", "tap");
    JsonNode res = body.get("result");
    assertThat(res.get("status").asText()).isEqualTo("pass");
    assertThat(res.get("score").isNumber()).isTrue();
    assertThat(res.get("score").asDouble()).isEqualTo(1.0);
    assertThat(res.get("passed_invariants").asInt()).isEqualTo(1);
    assertThat(res.get("outcome").asText()).isEqualTo("passed");
    assertThat(res.get("fault").asText()).isEqualTo("none");
    assertThat(res.get("verification").get("trusts_miner_state").asBoolean()).isTrue();
    assertThat(body.get("task_id").asText()).isEqualTo("56965c94-b87a-4aa0-ae25-332b9abc3dab");
    assertThat(Path.of(body.get("submission_path").asText())).exists().hasFileName("56965c94-b87a-4aa0-ae25-332b9abc3dab__" + body.get("job_id").asText() + ".zip");
    JsonNode st = JSON.readTree(get(port, "/validate/" + body.get("job_id").asText(), TOKEN).body());
    assertThat(st.get("status").asText()).isEqualTo("done");
    assertThat(st.fieldNames()).toIterable().contains("job_id", "status", "queued_at", "started_at", "finished_at", "result", "error", "log_path", "log_tail");
    assertThat(st.get("log_tail").toString()).contains("lint: accepted").contains("trusts the miner");
  }

  @Test
  void partialScoreIsAFailWithPerInvariantDetails() throws Exception {
    String v = "0005-attr_changed-adhoc_dns_record";
    JsonNode res = validate(write("partial.zip", Fixtures.vectorZip(v)), Fixtures.vectorTask(v)).get("result");
    assertThat(res.get("status").asText()).isEqualTo("fail");
    assertThat(res.get("score").asDouble()).isEqualTo(0.5);
    assertThat(res.get("msg").asText()).isEqualTo("1/2 invariants matched");
    assertThat(res.get("outcome").asText()).isEqualTo("failed_invariants");
    assertThat(res.get("fault").asText()).isEqualTo("miner");
    assertThat(res.get("invariants")).hasSize(2);
    assertThat(res.get("invariants").get(1).get("fields").isArray()).isTrue();
  }

  @Test
  void hostileZipIsAMinerErrorWithTheReferenceMessageAndANumericScore() throws Exception {
    byte[] zip = Fixtures.zip(Map.of("main.tf", "x".getBytes(), "../../etc/passwd", "x".getBytes()));
    JsonNode res = validate(write("evil.zip", zip), Fixtures.vectorTask("0001-ideal-adhoc_custom_role")).get("result");
    assertThat(res.get("status").asText()).isEqualTo("fail");
    assertThat(res.get("score").isNumber()).isTrue();
    assertThat(res.get("score").asDouble()).isZero();
    assertThat(res.get("msg").asText()).isEqualTo("Refusing unsafe zip entry: ../../etc/passwd");
    assertThat(res.get("outcome").asText()).isEqualTo("miner_error");
    assertThat(res.get("error").get("code").asText()).isEqualTo("ZIP_UNSAFE_PATH");
  }

  @Test
  void lintRejectionNamesRuleFileAndLine() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("main.tf", "resource \"null_resource\" \"x\" {\n  provisioner \"local-exec\" {\n    command = \"id\"\n  }\n}\n".getBytes());
    files.put("terraform.tfstate", "{}".getBytes());
    JsonNode res = validate(write("lint.zip", Fixtures.zip(files)), Fixtures.vectorTask("0001-ideal-adhoc_custom_role")).get("result");
    assertThat(res.get("outcome").asText()).isEqualTo("miner_error");
    assertThat(res.get("error").get("code").asText()).isEqualTo("LINT_REJECTED");
    assertThat(res.get("msg").asText()).startsWith("Refusing configuration: provider_not_allowed main.tf:1:");
    assertThat(res.get("lint").toString()).contains("\"rule\":\"provisioner_forbidden\",\"file\":\"main.tf\",\"line\":2");
  }

  @Test
  void missingStateIsTheMinersFaultAndABadTaskIsOurs() throws Exception {
    byte[] noState = Fixtures.zip(Map.of("main.tf", Fixtures.MAIN_TF.getBytes()));
    JsonNode res = validate(write("nostate.zip", noState), Fixtures.vectorTask("0001-ideal-adhoc_custom_role")).get("result");
    assertThat(res.get("outcome").asText()).isEqualTo("miner_error");
    assertThat(res.get("error").get("code").asText()).isEqualTo("STATE_NOT_FOUND");
    JsonNode bad = validate(write("badtask.zip", Fixtures.vectorZip("0001-ideal-adhoc_custom_role")), "{\"task_id\":\"t\",\"invariants\":[]}").get("result");
    assertThat(bad.get("outcome").asText()).isEqualTo("infra_error");
    assertThat(bad.get("fault").asText()).isEqualTo("validator");
    assertThat(bad.get("score").asDouble()).isZero();
  }

  @Test
  void requestErrorsMatchTheReference() throws Exception {
    String task = "{\"task_id\":\"t\"}";
    Fixtures.Reply a1 = postJson(port, "/validate", "{\"workspace_zip_path\":\"x.tar\",\"task_json\":" + task + "}");
    assertThat(a1.status()).isEqualTo(400);
    assertThat(a1.body()).isEqualTo("{\"detail\":\"workspace_zip_path must end with .zip\"}");
    Fixtures.Reply a2 = postJson(port, "/validate", "{\"workspace_zip_path\":\"x.zip\",\"task_json\":" + task + "}");
    assertThat(a2.status()).isEqualTo(400);
    assertThat(a2.body()).isEqualTo("{\"detail\":\"workspace_zip_path is not a file: x.zip\"}");
    Path outside = Files.createTempFile("outside", ".zip");
    try {
      Fixtures.Reply a5 = postJson(port, "/validate", "{\"workspace_zip_path\":\"" + outside + "\",\"task_json\":" + task + "}");
      assertThat(a5.status()).isEqualTo(403);
      assertThat(a5.body()).contains("outside ALPHACORE_VALIDATION_ARCHIVE_ROOT");
    } finally {
      Files.delete(outside);
    }
    Path link = dir.resolve("link.zip");
    Files.createSymbolicLink(link, Files.createTempFile("target", ".zip"));
    assertThat(postJson(port, "/validate", "{\"workspace_zip_path\":\"" + link + "\",\"task_json\":" + task + "}").status()).isEqualTo(403);
    Path ok = write("a4.zip", Fixtures.vectorZip("0001-ideal-adhoc_custom_role"));
    Fixtures.Reply f = postJson(port, "/validate", "{\"workspace_zip_path\":\"" + ok + "\",\"task_json\":" + task + ",\"timeout_s\":1.5}");
    assertThat(f.status()).isEqualTo(422);
    assertThat(JSON.readTree(f.body()).get("detail").get(0).get("type").asText()).isEqualTo("int_from_float");
    assertThat(JSON.readTree(f.body()).get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"timeout_s\"]");
    Fixtures.Reply l = postJson(port, "/validate", "{\"workspace_zip_path\":\"" + ok + "\",\"task_json\":[]}");
    assertThat(JSON.readTree(l.body()).get("detail").get(0).get("type").asText()).isEqualTo("dict_type");
    assertThat(postJson(port, "/validate", "{\"task_json\":{}}").status()).isEqualTo(422);
    assertThat(postJson(port, "/validate", "not json").status()).isEqualTo(422);
    assertThat(postJson(port, "/validate", "{\"workspace_zip_path\":\"" + ok + "\",\"task_json\":" + task + ",\"timeout_s\":\"12\"}").status())
        .isEqualTo(200);
    assertThat(get(port, "/validate/unknown", TOKEN).body()).isEqualTo("{\"detail\":\"Unknown job_id\"}");
    assertThat(get(port, "/validate/unknown", TOKEN).status()).isEqualTo(404);
  }

  @Test
  void logTailActiveAndTaskIndex() throws Exception {
    String v = "0001-ideal-adhoc_custom_role";
    JsonNode body = validate(write("log.zip", Fixtures.vectorZip(v)), Fixtures.vectorTask(v));
    String id = body.get("job_id").asText();
    Fixtures.Reply log = get(port, "/validate/" + id + "/log?tail=999999", TOKEN);
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.header("Content-Type")).startsWith("text/plain");
    assertThat(log.body().lines().count()).isBetween(3L, 5000L);
    assertThat(get(port, "/validate/" + id + "/log?tail=1", TOKEN).body().lines().count()).isEqualTo(1);
    assertThat(get(port, "/validate/" + id + "/log?tail=abc", TOKEN).status()).isEqualTo(422);
    assertThat(JSON.readTree(get(port, "/validate/active", TOKEN).body()).has("active")).isTrue();
    JsonNode t = JSON.readTree(get(port, "/task/56965c94-b87a-4aa0-ae25-332b9abc3dab", TOKEN).body());
    assertThat(t.get("jobs").findValuesAsText("job_id")).contains(id);
    assertThat(t.has("submission_index_dir")).isTrue();
  }

  @Test
  void theTokenNeverReachesLogsOrResults() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("main.tf", Fixtures.MAIN_TF.getBytes());
    files.put("leak-" + TOKEN + ".txt", "x".getBytes());
    files.put("b64-" + Base64.getEncoder().encodeToString(TOKEN.getBytes()) + ".md", "x".getBytes());
    files.put("/" + TOKEN, "x".getBytes());
    JsonNode body = validate(write("leak.zip", Fixtures.zip(files)), Fixtures.vectorTask("0001-ideal-adhoc_custom_role"));
    String id = body.get("job_id").asText();
    String log = get(port, "/validate/" + id + "/log", TOKEN).body();
    assertThat(log).doesNotContain(TOKEN).contains("[REDACTED]");
    assertThat(Files.readString(Path.of(body.get("log_path").asText()))).doesNotContain(TOKEN);
    try (Stream<Path> s = Files.walk(svc.config().logDir())) {
      for (Path p : s.filter(Files::isRegularFile).toList()) assertThat(Files.readString(p)).doesNotContain(TOKEN);
    }
  }

  @Test
  void asyncJobsByRawUploadMultipartAndBase64() throws Exception {
    String v = "0001-ideal-adhoc_custom_role";
    byte[] zip = Fixtures.vectorZip(v);
    JsonNode task = JSON.readTree(Fixtures.vectorTask(v));
    ValidationApiClient client = new ValidationApiClient(URI.create("http://127.0.0.1:" + port), TOKEN);
    assertThat(client.health().ready()).isTrue();
    String id = client.submit(zip, task, 30);
    ValidationApiClient.JobView j = client.await(id, Duration.ofSeconds(30));
    assertThat(j.status()).isEqualTo("done");
    assertThat(j.outcome()).isEqualTo("passed");
    assertThat(j.score()).isEqualTo(1.0);
    assertThat(j.attempts()).isEqualTo(1);
    assertThat(j.raw().get("submission").get("sha256").asText()).isEqualTo(ai.alphacore.validation.job.JobRunner.sha256(zip));
    assertThat(client.log(id, 10)).contains("finished");

    String boundary = "----acore" + System.nanoTime();
    var mp = new java.io.ByteArrayOutputStream();
    mp.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"task_json\"\r\n\r\n" + task + "\r\n").getBytes());
    mp.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"workspace_zip\"; filename=\"w.zip\"\r\n"
        + "Content-Type: application/zip\r\n\r\n").getBytes());
    mp.writeBytes(zip);
    mp.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
    Fixtures.Reply m = Fixtures.post(port, "/v1/jobs", TOKEN, "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofByteArray(mp.toByteArray()));
    assertThat(m.status()).as(m.body()).isEqualTo(202);
    assertThat(m.header("Location")).startsWith("/v1/jobs/");
    assertThat(client.await(JSON.readTree(m.body()).get("job_id").asText(), Duration.ofSeconds(30)).outcome()).isEqualTo("passed");

    ObjectNode b = JSON.createObjectNode();
    b.put("workspace_zip_b64", Base64.getEncoder().encodeToString(zip));
    b.set("task_json", task);
    Fixtures.Reply r = postJson(port, "/v1/jobs", b.toString());
    assertThat(r.status()).isEqualTo(202);
    b.put("sha256", "00");
    assertThat(postJson(port, "/v1/jobs", b.toString()).status()).isEqualTo(400);
    assertThat(get(port, "/v1/jobs/nope", TOKEN).status()).isEqualTo(404);
  }

  @Test
  void openApiDocumentsEveryRouteAndMetricsExport() throws Exception {
    JsonNode doc = JSON.readTree(get(port, "/openapi.json", TOKEN).body());
    assertThat(doc.get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder("/health", "/validate", "/validate/active",
        "/validate/{job_id}", "/validate/{job_id}/log", "/task/{task_id}", "/v1/jobs", "/v1/jobs/{job_id}", "/openapi.json", "/metrics");
    validate(write("m.zip", Fixtures.vectorZip("0001-ideal-adhoc_custom_role")), Fixtures.vectorTask("0001-ideal-adhoc_custom_role"));
    String m = get(port, "/metrics", TOKEN).body();
    assertThat(m).contains("alphacore_validation_jobs_total{fault=\"none\",outcome=\"passed\"}")
        .contains("alphacore_validation_queue_depth").contains("alphacore_validation_run_seconds")
        .contains("alphacore_validation_http_requests_seconds_count{method=\"POST\",route=\"/validate\",status=\"200\"}");
  }

  @Test
  void unknownRoutesAre404() {
    assertThat(get(port, "/nope", TOKEN).status()).isEqualTo(404);
  }

  static Clock systemClock() {
    return Clock.systemUTC();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
