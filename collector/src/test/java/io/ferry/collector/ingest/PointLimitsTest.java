package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.collector.config.IngestConfig;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRefusedException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointLimitsTest {

  private static final long NOW = 1_800_000_000_000_000_000L;
  private static final long HOUR = 3_600_000_000_000L;
  private static final IngestConfig SMALL =
      new IngestConfig(
          1024, 100, 2, 3, 8, Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofHours(24)));

  private final PointLimits limits = new PointLimits(SMALL, NOW);

  @Test
  void aPointWithinEveryLimitIsKeptAsItIs() throws Exception {
    Point point =
        Point.builder("cpu")
            .tag("host", "a")
            .tag("region", "value-longer-than-eight")
            .field("f1", 1.0)
            .field("f2", 2.0)
            .field("f3", 3.0)
            .timestampNanos(NOW + HOUR)
            .build();

    assertThat(limits.check(point)).isSameAs(point);
    assertThat(limits.check(at(NOW - 24 * HOUR))).isNotNull();
  }

  @Test
  void tooManyTagsOrFieldsAreRefusedNamingTheLimit() {
    assertThatThrownBy(
            () ->
                limits.check(
                    Point.builder("m")
                        .tag("a", "1")
                        .tag("b", "2")
                        .tag("c", "3")
                        .field("v", 1.0)
                        .timestampNanos(NOW)
                        .build()))
        .isInstanceOf(PointRefusedException.class)
        .hasMessage("3 tags; the limit is 2 (ingest.max_tags)");
    assertThatThrownBy(
            () ->
                limits.check(
                    Point.builder("m")
                        .field("a", 1.0)
                        .field("b", 1.0)
                        .field("c", 1.0)
                        .field("d", 1.0)
                        .timestampNanos(NOW)
                        .build()))
        .hasMessage("4 fields; the limit is 3 (ingest.max_fields)");
  }

  @Test
  void longKeysAreRefusedWhicheverKindTheyAre() {
    assertThatThrownBy(() -> limits.check(Point.builder("measurement").field("v", 1.0).build()))
        .hasMessage(
            "measurement \"measurement\" is 11 characters long; the limit is 8"
                + " (ingest.max_key_length)");
    assertThatThrownBy(
            () -> limits.check(Point.builder("m").tag("tag-key-9", "v").field("v", 1.0).build()))
        .hasMessageStartingWith("tag key \"tag-key-9\" is 9 characters long");
    assertThatThrownBy(() -> limits.check(Point.builder("m").field("field-key", 1.0).build()))
        .hasMessageStartingWith("field key \"field-key\" is 9 characters long");
  }

  @Test
  void timestampsTooFarInThePastOrFutureAreRefusedWithTheTimeAndTheKey() {
    assertThatThrownBy(() -> limits.check(at(NOW + HOUR + 1)))
        .hasMessage(
            "timestamp 2027-01-15T09:00:00.000000001Z is more than 1h in the future"
                + " (ingest.max_future)");
    assertThatThrownBy(() -> limits.check(at(NOW - 24 * HOUR - 1)))
        .hasMessage(
            "timestamp 2027-01-14T07:59:59.999999999Z is more than 24h in the past"
                + " (ingest.max_age)");
    assertThatThrownBy(() -> limits.check(at(1_800_000_000L)))
        .as("seconds sent as nanoseconds land in 1970")
        .hasMessageContaining("1970-01-01T00:00:01.800Z");
  }

  @Test
  void withoutTimeLimitsAnyStorableTimestampPasses() throws Exception {
    var open =
        new PointLimits(
            new IngestConfig(1024, 100, 2, 3, 8, Optional.empty(), Optional.empty()), NOW);

    assertThat(open.check(at(Long.MIN_VALUE + 2))).isNotNull();
    assertThat(open.check(at(Long.MAX_VALUE - 1))).isNotNull();
  }

  private static Point at(long nanos) {
    return Point.builder("m").field("v", 1.0).timestampNanos(nanos).build();
  }
}
