package io.ferry.alerts.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a threshold rule reduces the values in its window to one number. */
public enum Aggregate {
  /** The newest value. */
  LAST,
  /** The arithmetic mean. */
  AVG,
  /** The smallest value. */
  MIN,
  /** The largest value. */
  MAX,
  /** A percentile (nearest rank) given by the rule's {@code percentile}. */
  PERCENTILE,
  /**
   * The value a least-squares line through the window's points reaches {@code predict} after the
   * newest point, like Prometheus' {@code predict_linear} (for a disk that fills up).
   */
  PREDICT_LINEAR;

  /** The name in rule files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The aggregate named {@code name} in a rule file, if any. */
  public static Optional<Aggregate> fromConfigName(String name) {
    return Arrays.stream(values()).filter(a -> a.configName().equals(name)).findFirst();
  }

  /**
   * Reduces {@code values} (oldest first, at least one) taken at {@code seconds} (any origin).
   *
   * @param percentile for {@link #PERCENTILE}, in (0, 100]
   * @param predictSeconds for {@link #PREDICT_LINEAR}: how far after the newest point to predict
   * @return the aggregate; NaN for {@link #PREDICT_LINEAR} with fewer than two distinct times
   */
  public double apply(double[] seconds, double[] values, double percentile, double predictSeconds) {
    return switch (this) {
      case PREDICT_LINEAR -> predictLinear(seconds, values, predictSeconds);
      case LAST -> values[values.length - 1];
      case AVG -> Arrays.stream(values).average().orElseThrow();
      case MIN -> Arrays.stream(values).min().orElseThrow();
      case MAX -> Arrays.stream(values).max().orElseThrow();
      case PERCENTILE -> {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        yield sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
      }
    };
  }

  private static double predictLinear(double[] seconds, double[] values, double ahead) {
    int n = values.length;
    double meanT = 0;
    double meanV = 0;
    for (int i = 0; i < n; i++) {
      meanT += seconds[i] / n;
      meanV += values[i] / n;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < n; i++) {
      covariance += (seconds[i] - meanT) * (values[i] - meanV);
      variance += (seconds[i] - meanT) * (seconds[i] - meanT);
    }
    if (variance == 0) {
      return Double.NaN;
    }
    double slope = covariance / variance;
    return meanV + slope * (seconds[n - 1] + ahead - meanT);
  }
}
