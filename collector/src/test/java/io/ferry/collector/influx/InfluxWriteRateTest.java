package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InfluxWriteRateTest {

  private static final long MS = 1_000_000L;

  private final InfluxWriteRate rate = new InfluxWriteRate();
  private long now = 5_000 * MS;

  /** {@code count} writes one after the other, each of {@code points} taking {@code millis}. */
  private void writes(int count, int points, long millis) {
    for (int i = 0; i < count; i++) {
      rate.started(now);
      now += millis * MS;
      rate.finished(now, points);
    }
  }

  @Test
  void isUnknownUntilInfluxDbWasWrittenForASecond() {
    writes(5, 100, 100);

    assertThat(rate.pointsPerSecond(now)).isNaN();

    writes(7, 100, 100);

    assertThat(rate.pointsPerSecond(now)).isCloseTo(1000, within(1.0));
  }

  @Test
  void countsTheTimeSpentWritingNotTheTimeBetweenWrites() {
    for (int i = 0; i < 20; i++) {
      writes(1, 100, 100);
      now += 900 * MS; // idle: a slow fleet, not a slow InfluxDB
    }

    assertThat(rate.pointsPerSecond(now)).isCloseTo(1000, within(1.0));
  }

  @Test
  void concurrentWritesShareTheirBusyTime() {
    for (int i = 0; i < 12; i++) {
      rate.started(now);
      rate.started(now);
      now += 100 * MS;
      rate.finished(now, 100);
      rate.finished(now, 100);
    }

    assertThat(rate.pointsPerSecond(now)).isCloseTo(2000, within(1.0));
  }

  @Test
  void followsInfluxDbAsItSlowsDown() {
    writes(50, 100, 100);

    writes(200, 100, 1000);

    assertThat(rate.pointsPerSecond(now)).isCloseTo(100, within(5.0));
  }

  @Test
  void forgetsAfterLongIdleness() {
    writes(20, 100, 100);

    now += 60_000 * MS;

    assertThat(rate.pointsPerSecond(now)).isNaN();
  }

  @Test
  void failedWritesTakeTimeButNoPoints() {
    writes(10, 100, 100);
    writes(10, 0, 100);

    assertThat(rate.pointsPerSecond(now)).isCloseTo(500, within(25.0));
  }
}
