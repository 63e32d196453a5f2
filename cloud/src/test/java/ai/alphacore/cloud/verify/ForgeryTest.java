package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A miner state that lies scores only what the cloud shows. */
class ForgeryTest extends SimFixture {
  static final Vectors.Vector STACK = MutationTest.STACK;
  static final String P = MutationTest.P;

  @Test
  void forgedAttributesAreReplacedByLiveOnes() {
    // The cloud has an e2-small VM with another script; the state claims what the task wants.
    deploy(SimFixture.edit(STACK.stateJson(), MutationTest.VM, a -> {
      a.put("machine_type", "e2-small");
      a.put("metadata_startup_script", "#!/bin/bash\necho nothing\n");
    }), P);
    VerificationResult r = verify(STACK, STACK.state(), P);
    assertThat(passed(r, MutationTest.VM)).isFalse();
    assertThat(r.verdict().passed()).isEqualTo(3);
    JsonNode vm = rebuilt(r, MutationTest.VM);
    assertThat(vm.path("machine_type").asText()).isEqualTo("e2-small");
    assertThat(vm.path("metadata_startup_script").asText()).isEqualTo("#!/bin/bash\necho nothing\n");
  }

  @Test
  void forgedObjectContentCountsForNothing() {
    Vectors.Vector v = Vectors.load("0028-ideal-bucket_with_object");
    String p = "tf-test-731010";
    deploy(SimFixture.edit(v.stateJson(), "google_storage_bucket_object", a -> a.put("content", "something else")), p);
    // The state keeps the task's content and even its md5 (validation.md S5): the live md5 decides.
    VerificationResult r = verify(v, v.state(), p);
    assertThat(passed(r, "google_storage_bucket_object")).isFalse();
    assertThat(passed(r, "google_storage_bucket")).isTrue();
    JsonNode obj = rebuilt(r, "google_storage_bucket_object");
    assertThat(obj.get("content").isNull()).isTrue();
    assertThat(obj.path("md5hash").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(md5("something else")));
  }

  @Test
  void anotherMinersResourcesDoNotCount() {
    // Miner B deployed the ideal stack in its project; miner A submits B's state as its own.
    deploy(STACK.stateJson(), P);
    dev.post("/v1/projects", "{\"projectId\":\"miner-a-proj\"}");
    VerificationResult asIs = verify(STACK, STACK.state(), "miner-a-proj");
    assertThat(asIs.verdict().score()).isZero();
    assertThat(asIs.faults()).isNotEmpty().allMatch(f -> f.code().equals("NOT_OWNED"));
    VerificationResult relabelled = verify(STACK, bytes(moveProject(STACK.stateJson(), P, "miner-a-proj")), "miner-a-proj");
    assertThat(relabelled.verdict().score()).isZero();
    assertThat(relabelled.faults()).isNotEmpty().allMatch(f -> f.code().equals("NOT_FOUND"));
  }

  @Test
  void resourcesThatExistOnlyInTheStateDoNotCount() {
    VerificationResult r = verify(STACK, STACK.state(), P);
    assertThat(r.status()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(r.verdict().score()).isZero();
    assertThat(r.faults()).hasSize(4).allMatch(f -> f.party() == Fault.Party.MINER);
  }

  @Test
  void claimedIamGrantsAreCheckedAgainstTheLivePolicy() {
    Vectors.Vector v = Vectors.load("0055-ideal-project_with_iam");
    String p = v.project();
    // Deploy everything but the project binding the task asks for.
    JsonNode withoutBinding = v.stateJson().deepCopy();
    ArrayNode res = (ArrayNode) withoutBinding.path("resources");
    for (int i = res.size() - 1; i >= 0; i--) if (res.get(i).path("type").asText().equals("google_project_iam_member")) res.remove(i);
    deploy(withoutBinding, p);
    VerificationResult r = verify(v, v.state(), p);
    assertThat(passed(r, "google_project_iam_member")).isFalse();
    assertThat(hasFault(r, "NOT_FOUND", "google_project_iam_member")).isTrue();
  }

  @Test
  void hostileIdsAreRefusedWithoutACall() {
    JsonNode s = SimFixture.edit(STACK.stateJson(), MutationTest.FW, a -> a.put("name", "../../../storage/v1/b/x"));
    s = SimFixture.edit(s, MutationTest.VM, a -> a.put("zone", "us-east1-b/../../global"));
    s = SimFixture.edit(s, "google_compute_network", a -> a.put("name", "vpc?alt=media#"));
    s = SimFixture.edit(s, MutationTest.SUBNET, a -> a.put("name", "x".repeat(5000)));
    VerificationResult r = verify(STACK, bytes(s), P);
    assertThat(r.apiCalls()).isZero();
    assertThat(r.faults()).hasSize(4).allMatch(f -> f.code().equals("BAD_ID"));
  }

  @Test
  void aFloodOfCandidatesIsCapped() {
    ObjectNode s = (ObjectNode) STACK.stateJson().deepCopy();
    ArrayNode res = (ArrayNode) s.path("resources");
    ObjectNode fw = (ObjectNode) res.get(0).deepCopy();
    ArrayNode inst = fw.putArray("instances");
    for (int i = 0; i < 500; i++) inst.addObject().putObject("attributes").put("name", "fw-" + i).put("project", P);
    res.add(fw);
    VerificationResult r = verify(STACK, bytes(s), P);
    assertThat(r.apiCalls()).isLessThanOrEqualTo(GcpVerifier.Limits.DEFAULT.maxCandidatesPerType() + 3);
    assertThat(r.faults().stream().filter(f -> f.code().equals("TOO_MANY_CANDIDATES")).count()).isGreaterThan(400);
  }

  @Test
  void brokenStatesAreTheMinersFault() {
    for (byte[] bad : new byte[][] {new byte[0], "{not json".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8)}) {
      VerificationResult r = verify(STACK, bad, P);
      assertThat(r.status()).isEqualTo(VerificationResult.Status.JUDGED);
      assertThat(r.verdict().score()).isZero();
      assertThat(r.faults()).isNotEmpty().allMatch(f -> f.party() == Fault.Party.MINER && f.code().startsWith("STATE_"));
    }
  }

  static JsonNode rebuilt(VerificationResult r, String type) {
    for (JsonNode res : r.rebuiltState().path("resources")) {
      if (res.path("type").asText().equals(type)) return res.path("instances").path(0).path("attributes");
    }
    throw new AssertionError("no " + type + " in the rebuilt state");
  }

  static byte[] md5(String s) {
    try {
      return java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
