package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Deleted, renamed, moved (project or region): the invariant that should fail, fails. */
class MutationTest extends SimFixture {
  static final Vectors.Vector STACK = Vectors.load("0049-ideal-network_stack");
  static final String P = "sandbox-sn-543442";
  static final String FW = "google_compute_firewall";
  static final String VM = "google_compute_instance";
  static final String SUBNET = "google_compute_subnetwork";

  @Test
  void deletedInstanceFailsOnlyItsInvariant() {
    deploy(STACK.stateJson(), P);
    assertThat(dev.delete("/compute/v1/projects/" + P + "/zones/us-east1-b/instances/mxeybv-mtytvi0na7tegm").status()).isEqualTo(200);
    VerificationResult r = verify(STACK, STACK.state(), P);
    assertThat(r.verdict().passed()).isEqualTo(3);
    assertThat(passed(r, VM)).isFalse();
    assertThat(passed(r, FW)).isTrue();
    assertThat(hasFault(r, "NOT_FOUND", VM)).isTrue();
  }

  @Test
  void renamedFirewallIsNotFoundUnderTheClaimedName() {
    deploy(edit(STACK.stateJson(), FW, a -> a.put("name", "other-fw")), P);
    VerificationResult r = verify(STACK, STACK.state(), P);
    assertThat(passed(r, FW)).isFalse();
    assertThat(r.verdict().passed()).isEqualTo(3);
    assertThat(hasFault(r, "NOT_FOUND", FW)).isTrue();
  }

  @Test
  void renamedAndHonestlyReportedFirewallFailsTheNameRule() {
    JsonNode renamed = edit(STACK.stateJson(), FW, a -> a.put("name", "other-fw"));
    deploy(renamed, P);
    VerificationResult r = verify(STACK, bytes(renamed), P);
    assertThat(r.faults()).isEmpty();
    assertThat(passed(r, FW)).isFalse();
    assertThat(r.verdict().passed()).isEqualTo(3);
  }

  @Test
  void movedToAnotherProjectCountsNothing() {
    String other = "elsewhere-proj-1";
    JsonNode moved = moveProject(STACK.stateJson(), P, other);
    deploy(moved, other);
    // The miner's state names the other project: refused before any read.
    VerificationResult named = verify(STACK, bytes(moved), P);
    assertThat(named.verdict().score()).isZero();
    assertThat(named.faults()).allMatch(f -> f.code().equals("NOT_OWNED"));
    assertThat(named.apiCalls()).isZero();
    // The miner's state claims the declared project: the reads find nothing there.
    VerificationResult claimed = verify(STACK, STACK.state(), P);
    assertThat(claimed.verdict().score()).isZero();
    assertThat(claimed.faults()).allMatch(f -> f.code().equals("NOT_FOUND"));
  }

  @Test
  void movedToAnotherRegionFailsRegionAndZone() {
    JsonNode west = moveProject(STACK.stateJson(), "us-east1", "us-west1");
    deploy(west, P);
    // State claims the task's region: nothing there.
    VerificationResult claimed = verify(STACK, STACK.state(), P);
    assertThat(passed(claimed, SUBNET)).isFalse();
    assertThat(passed(claimed, VM)).isFalse();
    assertThat(hasFault(claimed, "NOT_FOUND", SUBNET)).isTrue();
    // State tells the truth: read back, but region and zone are wrong for the task.
    VerificationResult honest = verify(STACK, bytes(west), P);
    assertThat(honest.faults()).isEmpty();
    assertThat(passed(honest, SUBNET)).isFalse();
    assertThat(passed(honest, VM)).isFalse();
    assertThat(passed(honest, FW)).isTrue();
    assertThat(honest.rebuiltState().toString()).contains("\"region\":\"us-west1\"");
  }

  @Test
  void bucketOwnedByAnotherProjectDoesNotCount() {
    Vectors.Vector v = Vectors.load("0028-ideal-bucket_with_object");
    String mine = "tf-test-731010";
    String theirs = "their-proj-99";
    deploy(moveProject(v.stateJson(), mine, theirs), theirs);
    dev.post("/v1/projects", "{\"projectId\":\"" + mine + "\"}");
    // Bucket names are global: the state claims the declared project, the API says otherwise.
    VerificationResult r = verify(v, v.state(), mine);
    assertThat(r.verdict().score()).isZero();
    assertThat(hasFault(r, "NOT_OWNED", "google_storage_bucket")).isTrue();
    assertThat(hasFault(r, "NOT_OWNED", "google_storage_bucket_object")).isTrue();
  }
}
