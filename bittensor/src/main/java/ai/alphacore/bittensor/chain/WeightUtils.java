package ai.alphacore.bittensor.chain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The SDK's {@code convert_and_normalize_weights_and_uids}: max-upscale to u16, half-even, drop zeros. */
public final class WeightUtils {
  private WeightUtils() {}

  /** uids and u16 weights, same length. */
  public record U16Weights(List<Integer> uids, List<Integer> weights) {}

  public static U16Weights toU16(int[] uids, float[] weights) {
    if (uids.length != weights.length) throw new IllegalArgumentException("uids and weights differ in length");
    float max = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0 || Float.isNaN(weights[i]) || Float.isInfinite(weights[i]))
        throw new IllegalArgumentException("weights must be finite and non-negative");
      if (uids[i] < 0 || uids[i] > 65535) throw new IllegalArgumentException("uid out of u16 range");
      max = Math.max(max, weights[i]);
    }
    List<Integer> u = new ArrayList<>();
    List<Integer> w = new ArrayList<>();
    if (max == 0) return new U16Weights(u, w);
    for (int i = 0; i < weights.length; i++) {
      // The SDK: float(value) / float(max) in float64, then Python round() (half-even) of ·65535.
      double scaled = (double) weights[i] / (double) max;
      int v = new BigDecimal(scaled * 65535.0).setScale(0, RoundingMode.HALF_EVEN).intValueExact();
      if (v > 0) {
        u.add(uids[i]);
        w.add(v);
      }
    }
    return new U16Weights(u, w);
  }

  /** Max-upscale u16 weights so the largest is 65535 (what the chain stores). */
  public static List<Integer> maxUpscale(List<Integer> w) {
    int max = 0;
    for (int x : w) max = Math.max(max, x);
    List<Integer> out = new ArrayList<>();
    for (int x : w) out.add(max == 0 ? 0 : (int) Math.round((double) x * 65535.0 / max));
    return out;
  }
}
