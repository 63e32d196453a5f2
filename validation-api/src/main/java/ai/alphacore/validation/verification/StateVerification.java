package ai.alphacore.validation.verification;

import ai.alphacore.core.judge.StateSource;
import ai.alphacore.core.judge.Verdict;
import java.nio.file.NoSuchFileException;

/**
 * {@code verification: state}: judges the terraform.tfstate at the workspace root exactly as
 * the miner submitted it. Nothing is refreshed or read from the cloud, so a miner can forge it;
 * every result says so ({@code trusts_miner_state: true}).
 */
public final class StateVerification implements Verification {
  public static final String NAME = "state";
  static final String STATE_FILE = "terraform.tfstate";

  @Override
  public String name() {
    return NAME;
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
    ctx.log().line("verification state: judging the submitted terraform.tfstate as given (trusts the miner; nothing is refreshed)");
    byte[] state = ctx.workspace().file(STATE_FILE).orElse(null);
    StateSource src = state != null ? StateSource.of(state) : () -> {
      throw new NoSuchFileException(STATE_FILE);
    };
    return ctx.judge().judge(ctx.task(), src);
  }
}
