package ai.alphacore.neurons.validator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.ideal.IdealMiner;
import ai.alphacore.taskgen.provider.GcpProvider;
import ai.alphacore.taskgen.rng.TaskSeed;
import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.ValidationService;
import ai.alphacore.validation.client.ValidationApiClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator's evaluator against a real Validation API on loopback. */
class ValidationApiEvaluatorTest {
  static byte[] zip(String state) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry("main.tf"));
      z.write("terraform {}\n".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("terraform.tfstate"));
      z.write(state.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return b.toByteArray();
  }

  @Test
  void idealStatePassesAndGarbageIsTheMinersFault(@TempDir Path dir) throws Exception {
    ApiConfig.Builder b = ApiConfig.builder(dir.resolve("api"));
    b.port = 0;
    b.token = "evaluator-test-token-0123456789";
    b.archiveRoot = dir;
    b.workers = 2;
    try (ValidationService api = ValidationService.start(b.build())) {
      ValidationApiClient client = new ValidationApiClient(URI.create("http://127.0.0.1:" + api.port()), b.token);
      ValidationApiEvaluator ev = new ValidationApiEvaluator(client, Duration.ofSeconds(30));
      TaskGenerator gen = new TaskGenerator(new GcpProvider(), new ConfigLoader(new GcpProvider(), Map.of()).loadDefault());
      GeneratedTask t = gen.generate(TaskSeed.base(11), Selection.ANY);
      ObjectNode task = t.specJson().put("miner_uid", 3);
      String ideal = new IdealMiner().synthesize(t.task()).toString();

      Evaluation pass = ev.evaluate(new EvaluationRequest("r", 3, "hk", task, zip(ideal)));
      assertThat(pass.attempt()).isEqualTo(Attempt.VALIDATED);
      assertThat(pass.score()).isEqualTo(1.0);
      assertThat(pass.detail().toString()).contains("invariants");

      Evaluation garbage = ev.evaluate(new EvaluationRequest("r", 3, "hk", task, "not a zip".getBytes(StandardCharsets.UTF_8)));
      assertThat(garbage.attempt()).isEqualTo(Attempt.VALIDATED);
      assertThat(garbage.score()).isZero();

      ObjectNode none = task.deepCopy();
      none.putArray("invariants");
      assertThat(ev.evaluate(new EvaluationRequest("r", 3, "hk", none, zip(ideal))).attempt()).isEqualTo(Attempt.MISSING_INVARIANTS);
    }
    ValidationApiEvaluator down = new ValidationApiEvaluator(
        new ValidationApiClient(URI.create("http://127.0.0.1:9"), "t", java.net.http.HttpClient.newHttpClient(), 1), Duration.ofSeconds(5));
    Evaluation e = down.evaluate(new EvaluationRequest("r", 1, "hk",
        (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"task_id\":\"t\",\"invariants\":[{}]}"), new byte[] {1}));
    assertThat(e.attempt().validatorFault()).isTrue();
  }
}
