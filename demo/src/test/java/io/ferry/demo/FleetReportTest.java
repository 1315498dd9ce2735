package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.demo.FleetSampler.Sample;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FleetReportTest {

  @Test
  void theWritesBetweenTwoSamplesAndTheBucketHoldingTheirP99() {
    // Before: 10 writes, all under 10 ms. After: 100 more, 98 under 10 ms, one at 0.5 s, one at 2
    // s.
    Sample from = sample(Map.of(0.01, 10.0, 0.5, 10.0, 2.0, 10.0, Double.POSITIVE_INFINITY, 10.0));
    Sample to =
        sample(Map.of(0.01, 108.0, 0.5, 109.0, 2.0, 110.0, Double.POSITIVE_INFINITY, 110.0));

    assertThat(FleetReport.writes(from, to, 1)).hasValue(100);
    assertThat(FleetReport.writes(from, to, 0.98)).hasValue(0.01);
    assertThat(FleetReport.writes(from, to, 0.99)).hasValue(0.5);
    assertThat(FleetReport.writes(from, to, 0.999)).hasValue(2.0);
  }

  @Test
  void nothingWhenNoWriteWasMadeOrTheHistogramWasNotRead() {
    Sample some = sample(Map.of(0.01, 5.0, Double.POSITIVE_INFINITY, 5.0));

    assertThat(FleetReport.writes(some, some, 0.99)).isEmpty();
    assertThat(FleetReport.writes(sample(Map.of()), some, 0.99)).isEmpty();
    assertThat(FleetReport.writes(some, sample(Map.of()), 1)).isEmpty();
  }

  private static Sample sample(Map<Double, Double> buckets) {
    SortedMap<Double, Double> sorted = new TreeMap<>(buckets);
    return new Sample(
        0,
        OptionalLong.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalLong.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        0,
        sorted);
  }
}
