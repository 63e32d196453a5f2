package ai.alphacore.core.judge.strict;

import ai.alphacore.core.judge.StateSource;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.tfstate.StateLimits;
import com.fasterxml.jackson.databind.JsonNode;

public final class StrictJudge {
  public StrictJudge(StateLimits limits) {}

  public Verdict judge(JsonNode task, StateSource state) {
    throw new UnsupportedOperationException("strict mode: TEMPORARY");
  }
}
