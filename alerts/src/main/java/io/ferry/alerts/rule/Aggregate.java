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
   * Reduces the values at {@code from} (inclusive) to {@code to} (exclusive) of {@code values},
   * oldest first, taken at the same indexes of {@code nanos}; reads the arrays in place, so a
   * window kept as arrays of primitives is reduced without a copy (but for {@link #PERCENTILE}).
   *
   * @param nanos the values' timestamps in nanoseconds since the epoch
   * @param percentile for {@link #PERCENTILE}, in (0, 100]
   * @param predictSeconds for {@link #PREDICT_LINEAR}: how far after the newest point to predict
   * @return the aggregate, NaN for an empty range and for {@link #PREDICT_LINEAR} with fewer than
   *     two distinct times
   */
  public double apply(
      long[] nanos, double[] values, int from, int to, double percentile, double predictSeconds) {
    if (from >= to) {
      return Double.NaN;
    }
    return switch (this) {
      case PREDICT_LINEAR -> predictLinear(nanos, values, from, to, predictSeconds);
      case LAST -> values[to - 1];
      case AVG -> {
        double sum = 0;
        for (int i = from; i < to; i++) {
          sum += values[i];
        }
        yield sum / (to - from);
      }
      case MIN -> {
        double min = values[from];
        for (int i = from + 1; i < to; i++) {
          min = Math.min(min, values[i]);
        }
        yield min;
      }
      case MAX -> {
        double max = values[from];
        for (int i = from + 1; i < to; i++) {
          max = Math.max(max, values[i]);
        }
        yield max;
      }
      case PERCENTILE -> {
        double[] sorted = Arrays.copyOfRange(values, from, to);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        yield sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
      }
    };
  }

  /** Least squares over seconds relative to the newest point, so nanosecond epochs lose nothing. */
  private static double predictLinear(
      long[] nanos, double[] values, int from, int to, double ahead) {
    int n = to - from;
    long origin = nanos[to - 1];
    double meanT = 0;
    double meanV = 0;
    for (int i = from; i < to; i++) {
      meanT += (nanos[i] - origin) / 1e9 / n;
      meanV += values[i] / n;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = from; i < to; i++) {
      double t = (nanos[i] - origin) / 1e9 - meanT;
      covariance += t * (values[i] - meanV);
      variance += t * t;
    }
    if (variance == 0) {
      return Double.NaN;
    }
    double slope = covariance / variance;
    return meanV + slope * (ahead - meanT);
  }
}
