package io.ferry.agent.input.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  private static final SloBuckets BUCKETS =
      SloBuckets.of(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(1));

  @Test
  void bucketsAreCumulativeAndCountIsTheInfiniteBucket() {
    var histogram = new LatencyHistogram(BUCKETS);
    histogram.record(Duration.ofMillis(10));
    histogram.record(Duration.ofMillis(50));
    histogram.record(Duration.ofMillis(200));
    histogram.record(Duration.ofMillis(2000));

    HistogramCounts counts = histogram.snapshot();

    assertThat(counts.count()).isEqualTo(4);
    assertThat(counts.sumSeconds()).isCloseTo(2.26, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(counts.buckets())
        .containsExactly(
            Map.entry(Duration.ofMillis(50), 2L),
            Map.entry(Duration.ofMillis(300), 3L),
            Map.entry(Duration.ofSeconds(1), 3L));
  }

  @Test
  void countsOnlyGoUpBetweenSnapshots() {
    var histogram = new LatencyHistogram(BUCKETS);
    histogram.record(Duration.ofMillis(20));
    HistogramCounts first = histogram.snapshot();
    histogram.record(Duration.ofMillis(20));
    HistogramCounts second = histogram.snapshot();

    assertThat(first.buckets().get(Duration.ofMillis(50))).isEqualTo(1L);
    assertThat(second.buckets().get(Duration.ofMillis(50))).isEqualTo(2L);
    assertThat(second.count()).isEqualTo(2);
  }

  @Test
  void thePointHasTheShapeTheCollectorsLatencySloReads() {
    var histogram = new LatencyHistogram(BUCKETS);
    histogram.record(Duration.ofMillis(100));

    Point point =
        histogram
            .snapshot()
            .toPoint("http_probe_duration", Map.of("probe", "home"))
            .withDefaultTimestamp(1_000_000_000L);

    assertThat(LineProtocolWriter.toLine(point))
        .isEqualTo(
            "http_probe_duration,probe=home count=1i,sum=0.1,le_0.05=0i,le_0.3=1i,le_1=1i"
                + " 1000000000");
    assertThat(point.fields()).containsEntry("le_0.3", FieldValue.of(1L));
  }

  @Test
  void fieldNamesHaveNoExponentAndNoTrailingZeros() {
    assertThat(SloBuckets.field(Duration.ofMillis(300))).isEqualTo("le_0.3");
    assertThat(SloBuckets.field(Duration.ofSeconds(10))).isEqualTo("le_10");
    assertThat(SloBuckets.field(Duration.ofMillis(2500))).isEqualTo("le_2.5");
    assertThat(SloBuckets.field(Duration.ofNanos(500_000))).isEqualTo("le_0.0005");
  }
}
