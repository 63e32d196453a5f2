package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.cloudsim.SimClient;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import ai.alphacore.core.judge.JudgeMode;
import org.junit.jupiter.api.Test;

/** cloudsim --iam: a validator sees a miner's project only once the miner grants it a role. */
class AccessTest extends SimFixture {
  static final String VALIDATOR = "serviceAccount:validator@example-proj.iam.gserviceaccount.com";

  @Override
  boolean iam() {
    return true;
  }

  @Test
  void validatorReadsOnlyWhatTheMinerGranted() {
    Vectors.Vector v = Vectors.load("0019-ideal-adhoc_secret_iam");
    String p = v.project();
    sim.addPrincipal("miner-token", "user:miner@example.com");
    sim.addPrincipal("validator-token", VALIDATOR);
    SimClient miner = dev.as("miner-token");
    assertThat(dev.as("dev").get("/v1/projects").status()).as("dev is not all-access under --iam").isEqualTo(401);
    assertThat(miner.post("/v1/projects", "{\"projectId\":\"" + p + "\"}").status()).isEqualTo(200);
    new StateDeployer(sim.baseUri(), "miner-token").deploy(v.stateJson(), p);
    VerifyRequest req = new VerifyRequest(p, null, JudgeMode.COMPAT);

    VerificationResult none = verifier("validator-token").verify(v.task(), v.state(), req);
    assertThat(none.status()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(none.verdict().score()).isZero();
    assertThat(none.faults()).isNotEmpty().allMatch(f -> f.code().equals("FORBIDDEN") || f.code().equals("PROJECT_UNREADABLE"));
    assertThat(miner.as("validator-token").get("/v1/projects").json().path("projects")).isEmpty();

    // Viewer on the project: secrets and policies are readable, but not secret payloads.
    var pol = miner.post("/v1/projects/" + p + ":getIamPolicy", "{}").json();
    String set = "{\"policy\":{\"etag\":\"" + pol.path("etag").asText() + "\",\"bindings\":[{\"role\":\"roles/owner\",\"members\":[\"user:miner@example.com\"]},"
        + "{\"role\":\"roles/viewer\",\"members\":[\"" + VALIDATOR + "\"]}]}}";
    assertThat(miner.post("/v1/projects/" + p + ":setIamPolicy", set).status()).isEqualTo(200);
    VerificationResult viewer = verifier("validator-token").verify(v.task(), v.state(), req);
    assertThat(viewer.verdict().score()).isEqualTo(1.0);
    assertThat(viewer.faults()).isEmpty();
    assertThat(miner.as("validator-token").get("/v1/projects").json().path("projects")).hasSize(1);
    // ...and a viewer cannot write.
    assertThat(miner.as("validator-token").put("/v1/projects/" + p + "/topics/sneaky", "{}").status()).isEqualTo(403);
  }

  @Test
  void secretPayloadsNeedTheAccessorRole() {
    Vectors.Vector v = Vectors.load("0073-ideal-single_secret");
    String p = v.project();
    sim.addPrincipal("miner-token", "user:miner@example.com");
    sim.addPrincipal("validator-token", VALIDATOR);
    SimClient miner = dev.as("miner-token");
    miner.post("/v1/projects", "{\"projectId\":\"" + p + "\"}");
    new StateDeployer(sim.baseUri(), "miner-token").deploy(v.stateJson(), p);
    var pol = miner.post("/v1/projects/" + p + ":getIamPolicy", "{}").json();
    miner.post("/v1/projects/" + p + ":setIamPolicy", "{\"policy\":{\"etag\":\"" + pol.path("etag").asText() + "\",\"bindings\":[{\"role\":\"roles/owner\",\"members\":[\"user:miner@example.com\"]},"
        + "{\"role\":\"roles/viewer\",\"members\":[\"" + VALIDATOR + "\"]}]}}");
    VerificationResult r = verifier("validator-token").verify(v.task(), v.state(), new VerifyRequest(p, null, JudgeMode.COMPAT));
    assertThat(hasFault(r, "FORBIDDEN", "google_secret_manager_secret_version")).isTrue();
    assertThat(passed(r, "google_secret_manager_secret")).isTrue();
  }
}
