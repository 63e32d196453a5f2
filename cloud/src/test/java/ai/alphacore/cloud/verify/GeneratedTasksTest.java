package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.ideal.IdealMiner;
import ai.alphacore.taskgen.provider.GcpProvider;
import ai.alphacore.taskgen.rng.TaskSeed;
import ai.alphacore.taskgen.template.ResourceTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tasks from taskgen (every family and every template, a third of them per-miner variants whose
 * resources must carry the nonce label), their ideal states deployed into cloudsim, verified from
 * live reads: 1.0 in both judge modes. A variant deployed without its labels scores below 1.
 */
class GeneratedTasksTest extends SimFixture {
  static final GcpProvider GCP = new GcpProvider();

  static List<Selection> everySelection() {
    List<Selection> out = new ArrayList<>();
    for (Family f : GCP.families()) out.add(Selection.family(f.name()));
    for (ResourceTemplate t : GCP.templates()) out.add(Selection.resource(t.key()));
    return out;
  }

  @Test
  void idealStatesOfGeneratedTasksVerifyToOne() {
    TaskGenerator gen = new TaskGenerator(GCP, new ConfigLoader(GCP, Map.of()).loadDefault());
    List<Selection> sels = everySelection();
    List<String> failures = new ArrayList<>();
    int variants = 0;
    for (int i = 0; i < 2 * sels.size(); i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(20261201L, i), sels.get(i % sels.size()));
      boolean variant = i % 3 == 2;
      if (variant) {
        t = gen.variant(t, "5Fhotkey" + i);
        variants++;
      }
      String project = String.format("tg-miner-%04d", i);
      ObjectNode state = new IdealMiner(project, "m1x").synthesize(t.task());
      deploy(state, project);
      String nonce = variant ? t.specJson().path("nonce").asText() : null;
      for (JudgeMode mode : JudgeMode.values()) {
        VerificationResult r = verifier("dev").verify(t.specJson(), bytes(state), new VerifyRequest(project, nonce, mode));
        if (r.status() != VerificationResult.Status.JUDGED || r.verdict().score() != 1.0 || !r.faults().isEmpty()) {
          failures.add(i + " " + sels.get(i % sels.size()) + " " + mode + " score=" + (r.verdict() == null ? "-" : r.verdict().score())
              + " faults=" + r.faults() + "\n   verdict=" + r.verdict());
        }
      }
    }
    assertThat(variants).isPositive();
    assertThat(failures).isEmpty();
  }

  @Test
  void aVariantWithoutItsNonceLabelsDoesNotPass() {
    TaskGenerator gen = new TaskGenerator(GCP, new ConfigLoader(GCP, Map.of()).loadDefault());
    GeneratedTask t = gen.variant(gen.generate(TaskSeed.ofRun(7L, 1), Selection.resource("storage_bucket")), "5Fother");
    String project = "tg-nolabel-01";
    ObjectNode state = new IdealMiner(project, "m1x").synthesize(t.task());
    JsonNode unlabelled = edit(state, "google_storage_bucket", a -> a.remove("labels"));
    deploy(unlabelled, project);
    String nonce = t.specJson().path("nonce").asText();
    // The miner's state claims the label; the cloud has none.
    VerificationResult r = verifier("dev").verify(t.specJson(), bytes(state), new VerifyRequest(project, nonce, JudgeMode.COMPAT));
    assertThat(r.verdict().score()).isLessThan(1.0);
    assertThat(hasFault(r, "NONCE_MISSING", "google_storage_bucket")).isTrue();
    // Without the ownership rule the judge still sees the live labels, not the claimed ones.
    VerificationResult judged = verifier("dev").verify(t.specJson(), bytes(state), new VerifyRequest(project, null, JudgeMode.COMPAT));
    assertThat(judged.verdict().score()).isLessThan(1.0);
  }
}
