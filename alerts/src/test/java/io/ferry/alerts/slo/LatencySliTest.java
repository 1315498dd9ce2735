package io.ferry.alerts.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatencySliTest {

  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final LatencySli UNDER_300MS =
      new LatencySli("http_request_duration", Duration.ofMillis(300));

  private static Point histogram(Instant at, long le005, long le03, long le1, long count) {
    return Point.builder("http_request_duration")
        .tag("host", "web1")
        .field("count", count)
        .field("sum", count * 0.12)
        .field("le_0.05", le005)
        .field("le_0.3", le03)
        .field("le_1", le1)
        .timestamp(at)
        .build();
  }

  @Test
  void bucketFieldsNameTheBoundaryInPlainSeconds() {
    assertThat(LatencySli.bucketField(Duration.ofMillis(300))).isEqualTo("le_0.3");
    assertThat(LatencySli.bucketField(Duration.ofSeconds(1))).isEqualTo("le_1");
    assertThat(LatencySli.bucketField(Duration.ofMillis(50))).isEqualTo("le_0.05");
    assertThat(LatencySli.bucketField(Duration.ofMillis(1500))).isEqualTo("le_1.5");
    assertThat(LatencySli.bucketField(Duration.ofSeconds(10))).isEqualTo("le_10");
    assertThat(LatencySli.bucketField(Duration.ofNanos(250_000))).isEqualTo("le_0.00025");
  }

  @Test
  void goodIsTheThresholdsBucketAndTotalIsTheCount() {
    assertThat(UNDER_300MS.read(histogram(START, 10, 90, 99, 100)))
        .isEqualTo(new SliReading.Counts(90, 100));
  }

  @Test
  void theTrackerCountsObservationsOverTheThresholdAsBad() {
    SloTracker tracker =
        new SloTracker(SloDefinition.builder("blog-latency", 0.99, UNDER_300MS).build());
    tracker.observe(histogram(START, 0, 0, 0, 0), START);
    tracker.observe(histogram(START.plusSeconds(10), 500, 980, 995, 1000), START);

    SloStatus status = tracker.status(START.plusSeconds(10));

    assertThat(status.totalEvents()).isEqualTo(1000);
    assertThat(status.badEvents()).isEqualTo(20);
    assertThat(status.compliance().getAsDouble()).isEqualTo(0.98);
  }

  @Test
  void aHistogramWithoutTheThresholdsBucketIsReportedOnceAndNotCounted() {
    SloTracker tracker =
        new SloTracker(
            SloDefinition.builder(
                    "blog-latency",
                    0.99,
                    new LatencySli("http_request_duration", Duration.ofMillis(250)))
                .build());

    for (int i = 0; i < 3; i++) {
      Instant at = START.plusSeconds(10L * i);
      assertThat(tracker.observe(histogram(at, 0, 10L * i, 10L * i, 10L * i), at))
          .isEqualTo(Observation.UNREADABLE);
    }

    assertThat(tracker.problems())
        .containsExactly("no bucket le_0.25 in measurement http_request_duration");
    assertThat(tracker.status(START.plusSeconds(20)).compliance()).isEmpty();
  }

  @Test
  void aFieldThatIsNotACounterIsReported() {
    Point point =
        Point.builder("http_request_duration").field("count", "many").field("le_0.3", 3L).build();

    assertThat(UNDER_300MS.read(point))
        .isEqualTo(
            new SliReading.Unreadable(
                "field count in measurement http_request_duration is not a counter (a"
                    + " non-negative number)"));
  }
}
