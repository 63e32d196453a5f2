package ai.alphacore.neurons.validator.weights;

import java.util.Arrays;

/**
 * The subnet's {@code process_weights_for_netuid} and the SDK's {@code normalize_max_weight}
 * (protocol.md A4.9): what a weight vector becomes before it is converted to u16.
 */
public final class WeightProcessing {
  private WeightProcessing() {}

  /**
   * @param maxWeightLimit the chain's MaxWeightsLimit / 65535
   * @return normalised weights, one per uid (zeros kept, so uids stay positional)
   */
  public static double[] process(float[] weights, int minAllowedWeights, double maxWeightLimit) {
    int n = weights.length;
    double[] w = new double[n];
    int nonZero = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Float.isFinite(weights[i]) && weights[i] > 0 ? weights[i] : 0;
      if (w[i] > 0) nonZero++;
    }
    if (nonZero == 0 || n < minAllowedWeights) {
      Arrays.fill(w, 1.0 / n);
      return w;
    }
    int[] idx = new int[nonZero];
    double[] vals = new double[nonZero];
    for (int i = 0, k = 0; i < n; i++) if (w[i] > 0) { idx[k] = i; vals[k++] = w[i]; }
    double[] capped = normalizeMaxWeight(vals, maxWeightLimit);
    double[] out = new double[n];
    for (int k = 0; k < nonZero; k++) out[idx[k]] = capped[k];
    return out;
  }

  /** The SDK algorithm: cap each weight at {@code limit} of the total, redistributing the excess. */
  public static double[] normalizeMaxWeight(double[] x, double limit) {
    double eps = 1e-7;
    int n = x.length;
    double sum = Arrays.stream(x).sum();
    if (sum == 0 || n * limit <= 1) {
      double[] u = new double[n];
      Arrays.fill(u, 1.0 / n);
      return u;
    }
    double[] values = x.clone();
    Arrays.sort(values);
    double[] est = new double[n];
    for (int i = 0; i < n; i++) est[i] = values[i] / sum;
    if (est[n - 1] <= limit) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) y[i] = x[i] / sum;
      return y;
    }
    double[] cumsum = new double[n];
    double c = 0;
    for (int i = 0; i < n; i++) cumsum[i] = c += est[i];
    int nValues = 0;
    for (int i = 0; i < n; i++) {
      double estimationSum = (n - i - 1) * est[i];
      if (est[i] / (estimationSum + cumsum[i] + eps) < limit) nValues++;
    }
    double cutoffScale = (limit * cumsum[Math.max(0, nValues - 1)] - eps) / (1 - (limit * (n - nValues)));
    double cutoff = cutoffScale * sum;
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) s += w[i] = Math.min(x[i], cutoff);
    for (int i = 0; i < n; i++) w[i] /= s;
    return w;
  }
}
