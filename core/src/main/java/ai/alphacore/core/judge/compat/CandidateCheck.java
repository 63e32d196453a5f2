package ai.alphacore.core.judge.compat;

import ai.alphacore.core.judge.FieldResult;
import java.util.List;

/** One invariant checked against one candidate resource. */
record CandidateCheck(boolean passed, List<FieldResult> fields) {
  long passedFields() {
    return fields.stream().filter(FieldResult::passed).count();
  }
}
