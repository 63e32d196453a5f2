package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.verify.GcpVerifier;
import ai.alphacore.cloud.verify.VerificationResult;
import ai.alphacore.cloud.verify.VerifyRequest;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cloudsim with IAM on, as localnet would run it: each miner has its own token and project, the
 * validator its own identity. The agent creates its project (becoming owner), deploys, grants
 * the validator what the refresh needs; the validator's live verification then scores 1.0 with
 * nothing but its own token, and another miner cannot write into this miner's project.
 */
class IamModeTest {
  @TempDir Path dir;

  @Test
  void minerDeploysWithItsOwnTokenAndTheValidatorVerifiesWithItsOwn() {
    TaskGenerator gen = AgentFixture.generator();
    try (CloudSim sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir.resolve("sim"), true))) {
      sim.addPrincipal("miner-one-token", "user:miner1@miners.example");
      sim.addPrincipal("validator-token", "serviceAccount:validator@example-proj.iam.gserviceaccount.com");
      ReferenceAgent agent = new ReferenceAgent(AgentConfig.cloudsim("miner-one-proj", sim.baseUri(), "miner-one-token", dir.resolve("w"), "hk1"));
      GcpVerifier verifier = new GcpVerifier(new GcpHttp(GcpEndpoints.single(sim.baseUri()), new StaticTokenSource("validator-token", "test")));
      for (String family : List.of("network_plus_storage", "single_secret", "topic_with_subscription", "dns_frontend")) {
        GeneratedTask t = gen.generate(TaskSeed.ofRun(31, family.length()), Selection.family(family));
        Submission s = agent.solve(AgentFixture.request(t));
        assertThat(AgentFixture.judge(JudgeMode.STRICT, t, s).score()).as(s.notes()).isEqualTo(1.0);
        byte[] state = AgentFixture.unzip(s.workspaceZip()).get("terraform.tfstate");
        VerificationResult v = verifier.verify(t.specJson(), state, new VerifyRequest("miner-one-proj", null, JudgeMode.STRICT));
        assertThat(v.status()).as(v.faults().toString()).isEqualTo(VerificationResult.Status.JUDGED);
        assertThat(v.verdict().score()).as(family + " " + v.faults()).isEqualTo(1.0);
      }
      // A per-miner variant: the verifier requires the nonce label the prompt asked for.
      GeneratedTask base = gen.generate(TaskSeed.ofRun(33, 0), Selection.family("storage_with_pubsub"));
      GeneratedTask variant = gen.variant(base, AgentFixture.HOTKEY);
      String nonce = variant.task().extra().path("nonce").asText();
      Submission vs = agent.solve(AgentFixture.request(variant));
      byte[] vstate = AgentFixture.unzip(vs.workspaceZip()).get("terraform.tfstate");
      VerificationResult vv = verifier.verify(variant.specJson(), vstate, new VerifyRequest("miner-one-proj", nonce, JudgeMode.STRICT));
      assertThat(vv.faults()).isEmpty();
      assertThat(vv.verdict().score()).isEqualTo(1.0);
      VerificationResult wrongNonce = verifier.verify(variant.specJson(), vstate, new VerifyRequest("miner-one-proj", "0000000000000000", JudgeMode.STRICT));
      assertThat(wrongNonce.faults()).anyMatch(f -> f.code().equals("NONCE_MISSING"));
      // Another miner's token cannot deploy into this miner's project.
      sim.addPrincipal("miner-two-token", "user:miner2@miners.example");
      ReferenceAgent intruder = new ReferenceAgent(AgentConfig.cloudsim("miner-one-proj", sim.baseUri(), "miner-two-token", dir.resolve("w2"), "hk2"));
      GeneratedTask t = gen.generate(TaskSeed.ofRun(32, 0), Selection.family("single_bucket"));
      Submission s = intruder.solve(AgentFixture.request(t));
      assertThat(s.notes()).contains("0 of");
      assertThat(AgentFixture.judge(JudgeMode.STRICT, t, s).score()).isZero();
    }
  }
}
