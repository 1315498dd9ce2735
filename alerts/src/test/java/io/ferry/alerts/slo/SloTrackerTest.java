package io.ferry.alerts.slo;

import static io.ferry.alerts.slo.Fleet.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ferry.alerts.Severity;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SloTrackerTest {

  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final RatioSli REQUESTS = new RatioSli(Fleet.MEASUREMENT, "ok", "total");
  private static final BurnRateAlert PAGE_1H = BurnRateAlert.WORKBOOK_DEFAULTS.get(0);
  private static final BurnRateAlert PAGE_6H = BurnRateAlert.WORKBOOK_DEFAULTS.get(1);
  private static final BurnRateAlert TICKET_3D = BurnRateAlert.WORKBOOK_DEFAULTS.get(2);

  private static SloTracker availability(double objective) {
    return new SloTracker(
        SloDefinition.builder("blog-availability", objective, REQUESTS)
            .where(Map.of("vhost", Fleet.VHOST))
            .build());
  }

  private static BurnRateEvaluation of(List<BurnRateEvaluation> evaluations, BurnRateAlert alert) {
    return evaluations.stream().filter(e -> e.alert().equals(alert)).findFirst().orElseThrow();
  }

  /** The workbook's scenarios: 10 requests/s from two hosts, a point every 10 s. */
  @Nested
  class Workbook {

    private final SloTracker tracker = availability(0.999);
    private final Fleet fleet = new Fleet(tracker, START, 5, "web1", "web2");

    @Test
    void aFullOutageFiresThe1hPageWithinOneStepOf52Seconds() {
      fleet.run(Duration.ofHours(6), 0);
      Instant outage = fleet.now();
      assertThat(tracker.evaluate(outage)).noneMatch(BurnRateEvaluation::firing);

      Instant firstPage1h = null;
      Instant firstPage6h = null;
      while (firstPage6h == null) {
        fleet.step(1.0);
        List<BurnRateEvaluation> evaluations = tracker.evaluate(fleet.now());
        if (fleet.now().equals(outage.plusSeconds(40))) {
          assertThat(of(evaluations, PAGE_1H).firing()).isFalse();
          assertThat(of(evaluations, PAGE_1H).longBurnRate().getAsDouble())
              .isCloseTo(40 / 3.6, within(1e-9));
        }
        if (firstPage1h == null && of(evaluations, PAGE_1H).firing()) {
          firstPage1h = fleet.now();
          assertThat(of(evaluations, PAGE_1H).lowTraffic()).isFalse();
        }
        if (of(evaluations, PAGE_6H).firing()) {
          firstPage6h = fleet.now();
        }
      }

      // Ideal: (1 - 0.999) × 3600 s × 14.4 = 51.84 s and × 21600 s × 6 = 129.6 s of outage.
      assertThat(Duration.between(outage, firstPage1h))
          .isBetween(Duration.ofMillis(51_840), Duration.ofMillis(61_840));
      assertThat(Duration.between(outage, firstPage6h))
          .isBetween(Duration.ofMillis(129_600), Duration.ofMillis(139_600));
    }

    @Test
    void aSteadyOnePercentErrorRateFiresThe6hPageButNotThe1hOne() {
      fleet.run(Duration.ofHours(7), 0.01);

      List<BurnRateEvaluation> evaluations = tracker.evaluate(fleet.now());

      assertThat(of(evaluations, PAGE_1H).longBurnRate().getAsDouble()).isCloseTo(10, within(0.01));
      assertThat(of(evaluations, PAGE_1H).firing()).isFalse();
      assertThat(of(evaluations, PAGE_6H).longBurnRate().getAsDouble()).isCloseTo(10, within(0.01));
      assertThat(of(evaluations, PAGE_6H).firing()).isTrue();
      // Seven hours of a 3-day window, all burning at 10: the ticket fires as well.
      assertThat(of(evaluations, TICKET_3D).firing()).isTrue();
    }

    @Test
    void aSteadyTwoPercentErrorRateIsABurnRateOf20AndFiresBothPages() {
      fleet.run(Duration.ofHours(7), 0.02);

      List<BurnRateEvaluation> evaluations = tracker.evaluate(fleet.now());

      assertThat(of(evaluations, PAGE_1H).longBurnRate().getAsDouble()).isCloseTo(20, within(0.01));
      assertThat(of(evaluations, PAGE_1H).firing()).isTrue();
      assertThat(of(evaluations, PAGE_6H).firing()).isTrue();
    }

    @Test
    void aSteadyTwoPercentErrorRateAgainst998FiresThe6hPageButNotThe1hOne() {
      SloTracker tracker998 = availability(0.998);
      Fleet fleet998 = new Fleet(tracker998, START, 5, "web1", "web2");
      fleet998.run(Duration.ofHours(7), 0.02);

      List<BurnRateEvaluation> evaluations = tracker998.evaluate(fleet998.now());

      assertThat(of(evaluations, PAGE_1H).firing()).isFalse();
      assertThat(of(evaluations, PAGE_6H).firing()).isTrue();
    }

    @Test
    void aSteadyErrorRateOf005PercentFiresNothing() {
      fleet.run(Duration.ofHours(7), 0.0005);

      List<BurnRateEvaluation> evaluations = tracker.evaluate(fleet.now());

      assertThat(evaluations).hasSize(3).noneMatch(BurnRateEvaluation::firing);
      assertThat(of(evaluations, TICKET_3D).longBurnRate().getAsDouble())
          .isCloseTo(0.5, within(0.01));
    }
  }

  @Nested
  class Counting {

    private final SloTracker tracker = availability(0.75);

    private SloStatus status(Instant at) {
      return tracker.status(at);
    }

    @Test
    void aCounterResetNeitherLosesNorInventsEvents() {
      assertThat(tracker.observe(point("web1", START, 100, 100), START))
          .isEqualTo(Observation.BASELINE);
      assertThat(tracker.observe(point("web1", START.plusSeconds(10), 150, 160), START))
          .isEqualTo(Observation.COUNTED); // +60 events, 10 bad
      // The agent restarted: the counters start again from 0.
      assertThat(tracker.observe(point("web1", START.plusSeconds(20), 5, 8), START))
          .isEqualTo(Observation.COUNTED); // +8 events, 3 bad
      tracker.observe(point("web1", START.plusSeconds(30), 20, 30), START); // +22 events, 7 bad

      SloStatus status = status(START.plusSeconds(30));
      assertThat(status.totalEvents()).isEqualTo(90);
      assertThat(status.badEvents()).isEqualTo(20);
    }

    @Test
    void aReplayedOrOlderPointCountsOnce() {
      tracker.observe(point("web1", START, 0, 0), START);
      Point point = point("web1", START.plusSeconds(10), 90, 100);
      assertThat(tracker.observe(point, START)).isEqualTo(Observation.COUNTED);
      assertThat(tracker.observe(point, START)).isEqualTo(Observation.REPLAYED);
      assertThat(tracker.observe(point("web1", START.plusSeconds(5), 40, 50), START))
          .isEqualTo(Observation.REPLAYED);

      assertThat(status(START.plusSeconds(10)).totalEvents()).isEqualTo(100);
      assertThat(status(START.plusSeconds(10)).badEvents()).isEqualTo(10);
    }

    @Test
    void hostsAreSummed() {
      tracker.observe(point("web1", START, 0, 0), START);
      tracker.observe(point("web2", START, 1000, 1000), START);
      tracker.observe(point("web1", START.plusSeconds(10), 90, 100), START);
      tracker.observe(point("web2", START.plusSeconds(10), 1030, 1050), START);

      SloStatus status = status(START.plusSeconds(10));
      assertThat(status.totalEvents()).isEqualTo(150);
      assertThat(status.badEvents()).isEqualTo(30);
    }

    @Test
    void seriesOutsideWhereAndOtherMeasurementsAreIgnored() {
      Point otherVhost =
          Point.builder(Fleet.MEASUREMENT)
              .tag("host", "web1")
              .tag("vhost", "shop.example.com")
              .field("ok", 1L)
              .field("total", 1L)
              .build();
      Point noVhost = Point.builder(Fleet.MEASUREMENT).field("ok", 1L).field("total", 1L).build();
      Point otherMeasurement =
          Point.builder("cpu").tag("vhost", Fleet.VHOST).field("ok", 1L).field("total", 1L).build();

      assertThat(tracker.observe(otherVhost, START)).isEqualTo(Observation.IGNORED);
      assertThat(tracker.observe(noVhost, START)).isEqualTo(Observation.IGNORED);
      assertThat(tracker.observe(otherMeasurement, START)).isEqualTo(Observation.IGNORED);
      assertThat(tracker.problems()).isEmpty();
    }

    @Test
    void aPointWithoutTimestampCountsAtItsArrival() {
      Point first =
          Point.builder(Fleet.MEASUREMENT)
              .tag("vhost", Fleet.VHOST)
              .field("ok", 0L)
              .field("total", 0L)
              .build();
      Point second =
          Point.builder(Fleet.MEASUREMENT)
              .tag("vhost", Fleet.VHOST)
              .field("ok", 8L)
              .field("total", 10L)
              .build();
      tracker.observe(first, START);
      assertThat(tracker.observe(second, START.plus(Duration.ofHours(2))))
          .isEqualTo(Observation.COUNTED);

      // Counted two hours after START: outside a 1 h window that ends one hour after START.
      assertThat(tracker.status(START.plus(Duration.ofHours(1))).totalEvents()).isZero();
      assertThat(tracker.status(START.plus(Duration.ofHours(2))).totalEvents()).isEqualTo(10);
    }

    @Test
    void budgetRemainingAndComplianceAreExact() {
      tracker.observe(point("web1", START, 0, 0), START);
      tracker.observe(point("web1", START.plusSeconds(60), 875, 1000), START);

      SloStatus status = status(START.plusSeconds(60));

      // 125 bad of 1000, budget 25 %: half the budget (250 events) is left.
      assertThat(status.compliance()).isEqualTo(OptionalDouble.of(0.875));
      assertThat(status.errorBudgetRemaining()).isEqualTo(OptionalDouble.of(0.5));
      assertThat(status.burnRates().get(Duration.ofMinutes(5))).isEqualTo(OptionalDouble.of(0.5));

      tracker.observe(point("web1", START.plusSeconds(70), 875, 1375), START);
      // 500 bad of 1375 events: 500 / (0.25 × 1375) = 1.4545… of the budget spent.
      assertThat(status(START.plusSeconds(70)).errorBudgetRemaining().getAsDouble())
          .isCloseTo(1 - 500 / (0.25 * 1375), within(1e-15))
          .isNegative();
    }

    @Test
    void budgetRemainingAt999() {
      SloTracker tracker999 = availability(0.999);
      tracker999.observe(point("web1", START, 0, 0), START);
      tracker999.observe(point("web1", START.plusSeconds(60), 99_995, 100_000), START);

      SloStatus status = tracker999.status(START.plusSeconds(60));

      assertThat(status.compliance().getAsDouble()).isEqualTo(0.99995);
      assertThat(status.errorBudgetRemaining().getAsDouble()).isCloseTo(0.95, within(1e-12));
      assertThat(status.lowTraffic()).as("100,000 events in every window").isFalse();
    }

    @Test
    void noTrafficIsUnknownNotZero() {
      List<BurnRateEvaluation> evaluations = tracker.evaluate(START);

      assertThat(evaluations).hasSize(3);
      for (BurnRateEvaluation evaluation : evaluations) {
        assertThat(evaluation.longBurnRate()).isEmpty();
        assertThat(evaluation.shortBurnRate()).isEmpty();
        assertThat(evaluation.firing()).isFalse();
        assertThat(evaluation.lowTraffic()).isTrue();
      }
      SloStatus status = tracker.status(START);
      assertThat(status.compliance()).isEmpty();
      assertThat(status.errorBudgetRemaining()).isEmpty();
      assertThat(status.burnRates().values()).allMatch(OptionalDouble::isEmpty);
      assertThat(status.totalEvents()).isZero();
      assertThat(status.lowTraffic()).isTrue();
    }

    @Test
    void aWindowWhoseTrafficHasAgedOutIsUnknown() {
      tracker.observe(point("web1", START, 0, 0), START);
      tracker.observe(point("web1", START.plusSeconds(10), 0, 1000), START);

      Instant later = START.plus(Duration.ofHours(2));
      BurnRateEvaluation page1h = of(tracker.evaluate(later), PAGE_1H);
      BurnRateEvaluation page6h = of(tracker.evaluate(later), PAGE_6H);

      assertThat(page1h.longBurnRate()).isEmpty();
      assertThat(page6h.longBurnRate()).isEqualTo(OptionalDouble.of(4.0));
      assertThat(page6h.shortBurnRate()).isEmpty();
      assertThat(page6h.firing()).isFalse();
    }

    @Test
    void aLongWindowWithFewEventsIsLowTraffic() {
      SloTracker tracker999 = availability(0.999);
      tracker999.observe(point("web1", START, 0, 0), START);
      tracker999.observe(point("web1", START.plusSeconds(10), 0, 99), START);

      BurnRateEvaluation page1h = of(tracker999.evaluate(START.plusSeconds(10)), PAGE_1H);

      assertThat(page1h.firing()).isTrue();
      assertThat(page1h.lowTraffic()).isTrue();
      assertThat(page1h.longWindowEvents()).isEqualTo(99);
    }

    @Test
    void thePeriodForgetsOlderEvents() {
      SloTracker weekly =
          new SloTracker(
              SloDefinition.builder("weekly", 0.99, REQUESTS)
                  .period(Duration.ofDays(7))
                  .alerts(
                      List.of(
                          new BurnRateAlert(
                              Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4)))
                  .build());
      weekly.observe(point("web1", START, 0, 0), START);
      weekly.observe(point("web1", START.plusSeconds(10), 0, 10), START);
      Instant dayFive = START.plus(Duration.ofDays(5));
      weekly.observe(point("web1", dayFive, 100, 110), dayFive);

      assertThat(weekly.status(dayFive).totalEvents()).isEqualTo(110);
      assertThat(weekly.status(START.plus(Duration.ofDays(8))).totalEvents()).isEqualTo(100);
      assertThat(weekly.status(START.plus(Duration.ofDays(13))).compliance()).isEmpty();
    }
  }

  @Test
  void aSeriesSilentForLongerThanThePeriodIsForgottenAndStartsOverFromABaseline() {
    SloTracker tracker = availability(0.999);
    Duration period = SloDefinition.DEFAULT_PERIOD;
    assertThat(tracker.observe(point("web1", START, 0, 0), START)).isEqualTo(Observation.BASELINE);
    Instant later = START.plus(Duration.ofDays(2));
    assertThat(tracker.observe(point("web2", later, 0, 0), later)).isEqualTo(Observation.BASELINE);
    // web1 is now the least recently seen series: forgetting walks from it and stops at web2.
    assertThat(tracker.observe(point("web2", later.plusSeconds(10), 5, 10), later))
        .isEqualTo(Observation.COUNTED);
    assertThat(tracker.trackedSeries()).isEqualTo(2);

    Instant afterPeriod = START.plus(period).plusSeconds(1);
    tracker.status(afterPeriod);

    assertThat(tracker.trackedSeries()).as("web1 forgotten, web2 kept").isEqualTo(1);
    assertThat(tracker.observe(point("web1", afterPeriod, 50, 100), afterPeriod))
        .as("what web1 counted before it went silent is not counted")
        .isEqualTo(Observation.BASELINE);
    assertThat(tracker.observe(point("web2", afterPeriod, 50, 100), afterPeriod))
        .isEqualTo(Observation.COUNTED);
  }
}
