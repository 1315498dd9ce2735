package io.ferry.alerts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ferry.alerts.rule.Aggregate;
import org.junit.jupiter.api.Test;

class SeriesWindowTest {

  private static final long S = 1_000_000_000L;

  private static double agg(SeriesWindow window, Aggregate aggregate, long oldest) {
    return window.aggregate(aggregate, oldest, 50, 0);
  }

  @Test
  void aTimestampSeenAgainReplacesItsValueAndALatePointTakesItsPlace() {
    SeriesWindow window = new SeriesWindow();
    window.put(10 * S, 1);
    window.put(30 * S, 3);
    window.put(30 * S, 4); // re-sent after a refused batch: counts once, newest value
    window.put(20 * S, 2); // late
    window.put(5 * S, 0.5); // later still, before everything
    assertThat(agg(window, Aggregate.LAST, 0)).isEqualTo(4);
    assertThat(agg(window, Aggregate.MIN, 0)).isEqualTo(0.5);
    assertThat(agg(window, Aggregate.AVG, 0)).isEqualTo((0.5 + 1 + 2 + 4) / 4);
    assertThat(agg(window, Aggregate.AVG, 10 * S)).as("from 10 s on").isEqualTo(7.0 / 3);
    assertThat(agg(window, Aggregate.MAX, 31 * S)).as("nothing that recent").isNaN();
  }

  @Test
  void droppingOldValuesKeepsTheRestAndEmptiesTheWindow() {
    SeriesWindow window = new SeriesWindow();
    for (int i = 0; i < 1000; i++) {
      window.put(i * S, i);
    }
    window.dropBefore(990 * S);
    assertThat(agg(window, Aggregate.MIN, 0)).isEqualTo(990);
    assertThat(agg(window, Aggregate.AVG, 0)).isEqualTo(994.5);
    // Sliding on: appends after a drop reuse the room the dropped values left.
    for (int i = 1000; i < 3000; i++) {
      window.put(i * S, i);
      window.dropBefore((i - 9) * S);
    }
    assertThat(agg(window, Aggregate.MIN, 0)).isEqualTo(2990);
    assertThat(agg(window, Aggregate.LAST, 0)).isEqualTo(2999);
    window.dropBefore(3000 * S);
    assertThat(window.isEmpty()).isTrue();
    window.put(4000 * S, 7);
    assertThat(agg(window, Aggregate.LAST, 0)).isEqualTo(7);
  }

  @Test
  void predictLinearExtrapolatesFromTheNewestPoint() {
    SeriesWindow window = new SeriesWindow();
    // 1 % per minute, from 50 % at t = 1,700,000,000 s (epoch nanoseconds lose nothing).
    long t0 = 1_700_000_000L * S;
    for (int minute = 0; minute <= 20; minute++) {
      window.put(t0 + minute * 60 * S, 50 + minute);
    }
    double inAnHour = window.aggregate(Aggregate.PREDICT_LINEAR, 0, 0, 3600);
    assertThat(inAnHour).isCloseTo(70 + 60, within(1e-6));
    SeriesWindow flat = new SeriesWindow();
    flat.put(t0, 1);
    assertThat(flat.aggregate(Aggregate.PREDICT_LINEAR, 0, 0, 3600)).isNaN();
  }

  @Test
  void percentileIsTheNearestRank() {
    SeriesWindow window = new SeriesWindow();
    for (int i = 1; i <= 10; i++) {
      window.put((11 - i) * S, i); // newest first: 10 at 1 s … 1 at 10 s
    }
    assertThat(window.aggregate(Aggregate.PERCENTILE, 0, 90, 0)).isEqualTo(9);
    assertThat(window.aggregate(Aggregate.PERCENTILE, 0, 100, 0)).isEqualTo(10);
    assertThat(window.aggregate(Aggregate.LAST, 0, 0, 0)).as("the newest by time").isEqualTo(1);
  }
}
