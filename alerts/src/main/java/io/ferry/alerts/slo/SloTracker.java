package io.ferry.alerts.slo;

import io.ferry.alerts.SeriesKey;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks one SLO from the points of its measurement: turns each series' cumulative counters into
 * increases, sums them across series over time, and evaluates burn rates and the error budget.
 *
 * <p>Counting:
 *
 * <ul>
 *   <li>A series is the measurement with all of a point's tags (one host, one instance). Only
 *       points of the SLI's measurement carrying every tag value of {@link SloDefinition#where()}
 *       count.
 *   <li>The first point of a series is its baseline: what it counted before is not known to have
 *       happened inside any window, so it is not counted.
 *   <li>Each later point adds its increase over the series' previous point, at the point's
 *       timestamp (or its arrival when it has none). A counter that went down was restarted from 0
 *       (an agent or server restart): its increase is the new value. Good events above total events
 *       (a producer bug) count as no bad event, never as a negative one.
 *   <li>A point not newer than the last one of its series (a replayed batch, a late point) counts
 *       nothing: events are never counted twice.
 *   <li>A series silent for longer than the period is forgotten; its next point is a new baseline.
 *       Series are looked up by their {@link SeriesKey}, whose hash is computed once per point.
 * </ul>
 *
 * <p>Resolution and memory: increases are kept in 10 s buckets for the last 6 h and in 5 min
 * buckets for the whole period (see {@code EventHistory}): a window of up to 6 h is exact to 10 s,
 * so the workbook's 1 h / 5 min page fires within one 10 s evaluation step of the ideal time;
 * longer windows (3 days, the period) are exact to 5 min. Windows are rounded up to whole buckets
 * and end with the bucket holding the evaluation instant. That is about 253 KiB per 30-day SLO,
 * allocated up front, plus about 150 bytes and the tags for each live series.
 *
 * <p>Time comes only from the instants passed in: there is no clock to inject. Methods are
 * synchronized, so points may arrive on one thread while another evaluates.
 */
public final class SloTracker {

  private static final Logger log = LoggerFactory.getLogger(SloTracker.class);

  /** At most this many distinct problems are remembered, so a broken producer cannot grow them. */
  static final int MAX_PROBLEMS = 20;

  private final SloDefinition slo;
  private final EventHistory history;

  /**
   * Each live series' last counts, least recently seen first (access order), so the series silent
   * for longest are found at the head without walking the others.
   */
  private final LinkedHashMap<SeriesKey, SeriesState> series = new LinkedHashMap<>(16, 0.75f, true);

  private final Set<String> problems = new LinkedHashSet<>();

  public SloTracker(SloDefinition slo) {
    this.slo = Objects.requireNonNull(slo, "slo");
    this.history = new EventHistory(slo.period());
  }

  /** The SLO tracked. */
  public SloDefinition slo() {
    return slo;
  }

  /**
   * Takes one point, if it is this SLO's.
   *
   * @param point any point; those of other measurements or other tag values are ignored
   * @param arrival when the point arrived: its time when it has no timestamp
   */
  public Observation observe(Point point, Instant arrival) {
    return observe(point, SeriesKey.of(point), arrival);
  }

  /**
   * Takes one point, if it is this SLO's, whose series key the caller made once for every tracker
   * and rule that looks at it.
   *
   * @param key {@code SeriesKey.of(point)}
   */
  public synchronized Observation observe(Point point, SeriesKey key, Instant arrival) {
    if (!matches(point)) {
      return Observation.IGNORED;
    }
    SliReading reading = slo.sli().read(point);
    if (reading instanceof SliReading.Unreadable unreadable) {
      report(unreadable.problem());
      return Observation.UNREADABLE;
    }
    SliReading.Counts counts = (SliReading.Counts) reading;
    long nanos = point.timestamp().orElseGet(() -> Point.epochNanos(arrival));
    SeriesState state = series.get(key);
    if (state == null) {
      series.put(key, new SeriesState(counts, nanos));
      return Observation.BASELINE;
    }
    if (nanos <= state.lastNanos) {
      return Observation.REPLAYED;
    }
    boolean restarted = counts.good() < state.last.good() || counts.total() < state.last.total();
    double total = restarted ? counts.total() : counts.total() - state.last.total();
    double good = restarted ? counts.good() : counts.good() - state.last.good();
    state.last = counts;
    state.lastNanos = nanos;
    double bad = Math.max(0, total - good);
    return history.add(nanos, total, bad) ? Observation.COUNTED : Observation.TOO_OLD;
  }

  /** Evaluates every alert of the SLO at {@code now}, in the SLO's order. */
  public synchronized List<BurnRateEvaluation> evaluate(Instant now) {
    long nowNanos = Point.epochNanos(now);
    forgetSilentSeries(nowNanos);
    List<BurnRateEvaluation> evaluations = new ArrayList<>();
    for (BurnRateAlert alert : slo.alerts()) {
      EventCounts longWindow = history.window(nowNanos, alert.longWindow());
      OptionalDouble longRate = burnRate(longWindow);
      OptionalDouble shortRate = burnRate(history.window(nowNanos, alert.shortWindow()));
      boolean firing =
          longRate.isPresent()
              && shortRate.isPresent()
              && longRate.getAsDouble() > alert.burnRate()
              && shortRate.getAsDouble() > alert.burnRate();
      evaluations.add(
          new BurnRateEvaluation(
              alert,
              longRate,
              shortRate,
              longWindow.total(),
              firing,
              longWindow.total() < slo.minEvents()));
    }
    return List.copyOf(evaluations);
  }

  /** The SLO's compliance, budget and burn rates at {@code now}. */
  public synchronized SloStatus status(Instant now) {
    long nowNanos = Point.epochNanos(now);
    forgetSilentSeries(nowNanos);
    EventCounts period = history.window(nowNanos, slo.period());
    OptionalDouble compliance =
        period.total() > 0
            ? OptionalDouble.of((period.total() - period.bad()) / period.total())
            : OptionalDouble.empty();
    OptionalDouble budgetRemaining =
        period.total() > 0
            ? OptionalDouble.of(1 - period.bad() / (slo.errorBudget() * period.total()))
            : OptionalDouble.empty();
    SortedMap<Duration, OptionalDouble> burnRates = new TreeMap<>();
    boolean lowTraffic = slo.alerts().isEmpty() && period.total() < slo.minEvents();
    for (BurnRateAlert alert : slo.alerts()) {
      for (Duration window : List.of(alert.shortWindow(), alert.longWindow())) {
        burnRates.computeIfAbsent(window, w -> burnRate(history.window(nowNanos, w)));
      }
      lowTraffic |= history.window(nowNanos, alert.longWindow()).total() < slo.minEvents();
    }
    return new SloStatus(
        slo.name(),
        now,
        compliance,
        budgetRemaining,
        burnRates,
        period.total(),
        period.bad(),
        lowTraffic);
  }

  /**
   * Why points of this SLO could not be counted, each problem once, oldest first, such as {@code no
   * bucket le_0.3 in measurement http_request_duration}; empty when every point was readable.
   */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  private boolean matches(Point point) {
    if (!point.measurement().equals(slo.sli().measurement())) {
      return false;
    }
    for (Map.Entry<String, String> tag : slo.where().entrySet()) {
      if (!tag.getValue().equals(point.tags().get(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private OptionalDouble burnRate(EventCounts counts) {
    OptionalDouble errorRatio = counts.errorRatio();
    return errorRatio.isPresent()
        ? OptionalDouble.of(errorRatio.getAsDouble() / slo.errorBudget())
        : OptionalDouble.empty();
  }

  private void report(String problem) {
    if (problems.size() < MAX_PROBLEMS && problems.add(problem)) {
      log.warn("SLO {}: {}; such points are not counted", slo.name(), problem);
    }
  }

  /**
   * Forgets the series silent for longer than the period, from the least recently seen on, and
   * stops at the first that is not: a tick walks only the series it forgets, not all of them. (A
   * series whose points carry timestamps far behind those of series seen before it may be forgotten
   * up to a period late; it counts nothing meanwhile, its points being too old for the history.)
   */
  private void forgetSilentSeries(long nowNanos) {
    long oldest = nowNanos - slo.period().toNanos();
    for (Iterator<SeriesState> it = series.values().iterator(); it.hasNext(); ) {
      if (it.next().lastNanos >= oldest) {
        return;
      }
      it.remove();
    }
  }

  /** The number of series whose counts are kept now. */
  public synchronized int trackedSeries() {
    return series.size();
  }

  /** The last counts of one series and their time in nanoseconds since the epoch. */
  private static final class SeriesState {
    private SliReading.Counts last;
    private long lastNanos;

    SeriesState(SliReading.Counts last, long lastNanos) {
      this.last = last;
      this.lastNanos = lastNanos;
    }
  }
}
