package ai.alphacore.neurons.validator;

import ai.alphacore.neurons.validator.scoring.ScoringConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Validator settings, with the reference's {@code ALPHACORE_*} names and defaults
 * (protocol.md A8.3). Precedence: flags over environment over these defaults.
 *
 * @param loopMode {@code epoch} (one round per epoch, optional slots) or {@code timed}
 * @param stateDir where scores, the task ledger and round summaries are kept
 */
public record ValidatorConfig(
    int netuid,
    String loopMode,
    double tickSeconds,
    int tasksPerRound,
    double handshakeTimeoutSeconds,
    double taskTimeoutSeconds,
    double feedbackTimeoutSeconds,
    double cleanupTimeoutSeconds,
    int minerConcurrency,
    int validationConcurrency,
    int epochSlots,
    Integer epochSlotIndex,
    boolean oneRoundPerEpoch,
    double skipRoundAfterFraction,
    int weightsMinTasksBeforeEmit,
    double weightsEmitPollSeconds,
    long weightsVersionKey,
    String validatorVersion,
    long maxZipBytes,
    ScoringConfig scoring,
    Path stateDir) {

  public static ValidatorConfig fromEnv(Map<String, String> env, int netuid, Path stateDir) {
    Env e = new Env(env);
    boolean testing = !"production".equals(e.str("ALPHACORE_ENV", "testing"));
    ScoringConfig d = ScoringConfig.defaults();
    ScoringConfig scoring = new ScoringConfig(
        e.bool("ALPHACORE_LATENCY_SCORING_ENABLED", testing),
        e.str("ALPHACORE_LATENCY_SCORING_MODE", d.latencyMode()),
        e.dbl("ALPHACORE_API_SCORE_WEIGHT", d.apiWeight()),
        e.dbl("ALPHACORE_LATENCY_SCORE_WEIGHT", d.latencyWeight()),
        e.dbl("ALPHACORE_LATENCY_SCORE_GAMMA", d.latencyGamma()),
        e.dbl("ALPHACORE_LATENCY_TIE_EPSILON_S", d.tieEpsilonSeconds()),
        e.dbl("ALPHACORE_LATENCY_TIE_PENALTY_MAX", d.tiePenaltyMax()),
        e.dbl("ALPHACORE_MOVING_AVERAGE_ALPHA", d.alpha()),
        (int) e.dbl("ALPHACORE_BURN_UID", d.burnUid()),
        e.dbl("ALPHACORE_BURN_AMOUNT_PERCENTAGE", d.burnShare()));
    String slotIndex = env.get("ALPHACORE_EPOCH_SLOT_INDEX");
    return new ValidatorConfig(
        netuid,
        e.str("ALPHACORE_LOOP_MODE", "epoch").toLowerCase(Locale.ROOT),
        Math.max(0.25, e.dbl("ALPHACORE_TICK_SECONDS", e.dbl("ALPHACORE_LOCAL_TEST_INTERVAL_SECONDS", 5.0))),
        Math.max(1, (int) e.dbl("ALPHACORE_TASKS_PER_ROUND", 1)),
        90,
        e.dbl("ALPHACORE_TASK_SYNAPSE_TIMEOUT_SECONDS", 600),
        e.dbl("ALPHACORE_MINER_RESPONSE_TIMEOUT_SECONDS", testing ? 10 : 300),
        10,
        Math.max(1, (int) e.dbl("ALPHACORE_MINER_CONCURRENCY", 128)),
        Math.max(1, Math.min(4, (int) e.dbl("ALPHACORE_VALIDATION_CONCURRENCY", 4))),
        Math.max(1, (int) e.dbl("ALPHACORE_EPOCH_SLOTS", 1)),
        slotIndex == null ? null : (int) e.dbl("ALPHACORE_EPOCH_SLOT_INDEX", 0),
        e.bool("ALPHACORE_ONE_ROUND_PER_EPOCH", true),
        e.dbl("ALPHACORE_SKIP_ROUND_IF_STARTED_AFTER_FRACTION", testing ? 0.95 : 0.3),
        (int) e.dbl("ALPHACORE_WEIGHTS_MIN_TASKS_BEFORE_EMIT", 10),
        Math.max(0.5, e.dbl("ALPHACORE_WEIGHTS_EMIT_POLL_SECONDS", 12)),
        1000,
        e.str("ALPHACORE_VALIDATOR_VERSION", "0.1.0"),
        50L << 20,
        scoring,
        stateDir);
  }

  /** A copy for timed mode with the given tick. */
  public ValidatorConfig timed(double tick) {
    return new ValidatorConfig(netuid, "timed", tick, tasksPerRound, handshakeTimeoutSeconds, taskTimeoutSeconds,
        feedbackTimeoutSeconds, cleanupTimeoutSeconds, minerConcurrency, validationConcurrency, epochSlots, epochSlotIndex,
        oneRoundPerEpoch, skipRoundAfterFraction, weightsMinTasksBeforeEmit, weightsEmitPollSeconds, weightsVersionKey,
        validatorVersion, maxZipBytes, scoring, stateDir);
  }

  /** A copy with other timeouts (seconds): handshake, task, feedback and cleanup. */
  public ValidatorConfig withTimeouts(double handshake, double task, double feedback, double cleanup) {
    return new ValidatorConfig(netuid, loopMode, tickSeconds, tasksPerRound, handshake, task, feedback, cleanup,
        minerConcurrency, validationConcurrency, epochSlots, epochSlotIndex, oneRoundPerEpoch, skipRoundAfterFraction,
        weightsMinTasksBeforeEmit, weightsEmitPollSeconds, weightsVersionKey, validatorVersion, maxZipBytes, scoring, stateDir);
  }

  public ValidatorConfig withWeightsMinTasks(int n) {
    return new ValidatorConfig(netuid, loopMode, tickSeconds, tasksPerRound, handshakeTimeoutSeconds, taskTimeoutSeconds,
        feedbackTimeoutSeconds, cleanupTimeoutSeconds, minerConcurrency, validationConcurrency, epochSlots, epochSlotIndex,
        oneRoundPerEpoch, skipRoundAfterFraction, n, weightsEmitPollSeconds, weightsVersionKey, validatorVersion,
        maxZipBytes, scoring, stateDir);
  }

  /** Reads {@code ALPHACORE_*} values; unparsable numbers fall back to the default, like the reference. */
  private record Env(Map<String, String> env) {
    String str(String k, String d) {
      String v = env.get(k);
      return v == null || v.isBlank() ? d : v.trim();
    }

    double dbl(String k, double d) {
      try {
        return Double.parseDouble(str(k, Double.toString(d)));
      } catch (NumberFormatException x) {
        return d;
      }
    }

    boolean bool(String k, boolean d) {
      String v = env.get(k);
      if (v == null || v.isBlank()) return d;
      return switch (v.trim().toLowerCase(Locale.ROOT)) {
        case "1", "true", "yes", "on", "y" -> true;
        default -> false;
      };
    }
  }
}
