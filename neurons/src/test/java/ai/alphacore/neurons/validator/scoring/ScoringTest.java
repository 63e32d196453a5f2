package ai.alphacore.neurons.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final Map<Integer, Double> API = Map.of(1, 1.0, 2, 1.0, 3, 0.5, 4, 0.0);
  private static final Map<Integer, Double> LAT = Map.of(1, 5.0, 2, 3.0, 3, 4.0, 4, 1.0);

  @Test
  void workedExampleWinnerTakeAll() {
    var r = FinalScores.compute(API, LAT, ScoringConfig.defaults());
    assertThat(r.finals().get(1)).isCloseTo(0.8889, within(1e-4));
    assertThat(r.finals().get(2)).isCloseTo(1.0, within(1e-9));
    assertThat(r.finals().get(3)).isCloseTo(0.4444, within(1e-4));
    assertThat(r.finals().get(4)).isZero();
    assertThat(r.fastestTopUid()).isEqualTo(2);
  }

  @Test
  void workedExampleRelative() {
    ScoringConfig c = ScoringConfig.defaults();
    c = new ScoringConfig(true, "relative", c.apiWeight(), c.latencyWeight(), c.latencyGamma(), c.tieEpsilonSeconds(),
        c.tiePenaltyMax(), c.alpha(), c.burnUid(), c.burnShare());
    var r = FinalScores.compute(API, LAT, c);
    assertThat(r.finals().get(1)).isCloseTo(0.8889, within(1e-4));
    assertThat(r.finals().get(2)).isCloseTo(0.9444, within(1e-4));
    assertThat(r.finals().get(3)).isCloseTo(0.4722, within(1e-4));
    assertThat(r.finals().get(4)).isZero();
  }

  @Test
  void latencyOffGivesTheApiAverageInsteadOfCrashing() {
    ScoringConfig d = ScoringConfig.defaults();
    ScoringConfig off = new ScoringConfig(false, d.latencyMode(), d.apiWeight(), d.latencyWeight(), d.latencyGamma(),
        d.tieEpsilonSeconds(), d.tiePenaltyMax(), d.alpha(), d.burnUid(), d.burnShare());
    assertThat(FinalScores.compute(API, LAT, off).finals()).containsEntry(3, 0.5).containsEntry(4, 0.0);
  }

  @Test
  void tiedFastestMinersGetNoLatencyBonus() {
    var r = FinalScores.compute(Map.of(1, 1.0, 2, 1.0), Map.of(1, 2.0, 2, 2.0), ScoringConfig.defaults());
    assertThat(r.finals().get(1)).isCloseTo(8.0 / 9, within(1e-9));
    assertThat(r.fastestTopUid()).isNull();
  }

  @Test
  void emaDecaysOthersAndSkipsRoundsWithoutPositiveScores() {
    Scoreboard b = new Scoreboard(List.of("burn", "a", "b"), ScoringConfig.defaults());
    assertThat(b.settle(Map.of(1, 0.0, 2, 0.0))).isFalse();
    assertThat(b.scores()).containsExactly(0, 0, 0);
    b.settle(Map.of(1, 1.0, 0, 1.0));
    assertThat(b.scores()[1]).isCloseTo(0.1, within(1e-12));
    assertThat(b.scores()[0]).isZero(); // the burn uid never earns
    b.settle(Map.of(2, 1.0));
    assertThat(b.scores()[1]).isCloseTo(0.09, within(1e-12));
    assertThat(b.scores()[2]).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void winnerTakeAllWithBurnShare() {
    Scoreboard b = new Scoreboard(List.of("burn", "a", "b", "c", "d", "e", "f", "g"), ScoringConfig.defaults());
    assertThat(b.weights()).containsExactly(1f, 0, 0, 0, 0, 0, 0, 0);
    b.settle(Map.of(5, 1.0, 3, 0.5));
    float[] w = b.weights();
    assertThat(w[5]).isCloseTo(0.1f, within(1e-6f));
    assertThat(w[0]).isCloseTo(0.9f, within(1e-6f));
    assertThat(w[3]).isZero();
  }

  @Test
  void followingTheMetagraphZeroesReplacedHotkeysAndResizes() {
    Scoreboard b = new Scoreboard(List.of("burn", "a", "b"), ScoringConfig.defaults());
    b.settle(Map.of(1, 1.0, 2, 1.0));
    b.follow(List.of("burn", "a", "b-new", "c"));
    assertThat(b.scores()).hasSize(4);
    assertThat(b.scores()[1]).isGreaterThan(0);
    assertThat(b.scores()[2]).isZero();
    Scoreboard r = Scoreboard.restore(b.hotkeys(), b.scores(), List.of("burn", "x"), ScoringConfig.defaults());
    assertThat(r.scores()).containsExactly(0, 0);
  }

  @Test
  void seededScoresStayInRangeAndTheWinnerIsTheTopScore() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int t = 0; t < 500; t++) {
      int n = 2 + rnd.nextInt(20);
      java.util.Map<Integer, Double> api = new java.util.HashMap<>();
      java.util.Map<Integer, Double> lat = new java.util.HashMap<>();
      for (int uid = 0; uid < n; uid++) {
        api.put(uid, rnd.nextInt(3) == 0 ? 0.0 : rnd.nextDouble());
        if (rnd.nextBoolean()) lat.put(uid, rnd.nextDouble() * 10);
      }
      var f = FinalScores.compute(api, lat, ScoringConfig.defaults()).finals();
      f.values().forEach(v -> assertThat(v).isBetween(0.0, 1.0));
      api.forEach((uid, a) -> { if (a <= 0) assertThat(f.get(uid)).isZero(); });
    }
  }
}
