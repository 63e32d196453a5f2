package ai.alphacore.validation;

import ai.alphacore.core.judge.Verdict;
import ai.alphacore.validation.verification.StateVerification;
import ai.alphacore.validation.verification.Verification;
import ai.alphacore.validation.verification.VerificationContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** State verification that holds every job until released, to fill the queue on purpose. */
final class BlockingVerification implements Verification {
  final CountDownLatch release = new CountDownLatch(1);
  final AtomicInteger started = new AtomicInteger();
  private final StateVerification inner = new StateVerification();

  @Override
  public String name() {
    return "state";
  }

  @Override
  public boolean trustsMinerState() {
    return true;
  }

  @Override
  public Readiness readiness() {
    return Readiness.READY;
  }

  @Override
  public Verdict verify(VerificationContext ctx) {
    started.incrementAndGet();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return inner.verify(ctx);
  }
}
