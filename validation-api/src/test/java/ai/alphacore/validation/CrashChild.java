package ai.alphacore.validation;

import ai.alphacore.core.judge.Verdict;
import ai.alphacore.validation.verification.StateVerification;
import ai.alphacore.validation.verification.Verification;
import ai.alphacore.validation.verification.VerificationContext;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The service in its own JVM, for the kill -9 test: args dataDir archiveRoot delayMs [dbUrl].
 * Prints "PORT n" once ready, then serves until killed.
 */
public final class CrashChild {
  public static void main(String[] args) throws Exception {
    long delay = Long.parseLong(args[2]);
    ApiConfig.Builder b = ApiConfig.builder(Path.of(args[0]));
    b.port = 0;
    b.token = Fixtures.TOKEN;
    b.archiveRoot = Path.of(args[1]);
    b.workers = 2;
    b.queueSize = 50;
    b.nodeId = "crash-node";
    if (args.length > 3) b.dbUrl = args[3];
    StateVerification state = new StateVerification();
    Verification slow = new Verification() {
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
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return state.verify(ctx);
      }
    };
    ValidationService svc = new ValidationService(b.build(), Clock.systemUTC(), slow);
    svc.bind().initialize();
    System.out.println("PORT " + svc.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
