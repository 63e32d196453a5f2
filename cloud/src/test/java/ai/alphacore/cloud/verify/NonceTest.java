package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.JudgeMode;
import org.junit.jupiter.api.Test;

/** With a per-miner nonce, only resources carrying it count. */
class NonceTest extends SimFixture {
  @Test
  void resourcesMustCarryTheNonce() {
    Vectors.Vector v = Vectors.load("0028-ideal-bucket_with_object");
    String p = "tf-test-731010";
    deploy(v.stateJson(), p);
    VerificationResult without = verifier("dev").verify(v.task(), v.state(), new VerifyRequest(p, "n0nce-7f3a", JudgeMode.COMPAT));
    assertThat(without.verdict().score()).isZero();
    assertThat(hasFault(without, "NONCE_MISSING", "google_storage_bucket")).isTrue();
    assertThat(hasFault(without, "NONCE_MISSING", "google_storage_bucket_object")).as("objects inherit their bucket's").isTrue();

    Vectors.Vector w = Vectors.load("0064-ideal-single_bucket");
    String q = w.project();
    deploy(edit(w.stateJson(), "google_storage_bucket", a -> a.putObject("labels").put("acore_nonce", "n0nce-7f3a")), q);
    VerificationResult with = verifier("dev").verify(w.task(), w.state(), new VerifyRequest(q, "n0nce-7f3a", JudgeMode.COMPAT));
    assertThat(with.faults()).isEmpty();
    assertThat(with.verdict().score()).isEqualTo(1.0);
  }
}
