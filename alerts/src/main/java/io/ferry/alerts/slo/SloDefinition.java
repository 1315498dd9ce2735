package io.ferry.alerts.slo;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One service level objective: the share of good events promised over a rolling period, the events
 * that count, and the burn-rate alerts that guard its error budget. Build one with {@link
 * #builder(String, double, Sli)}.
 *
 * @param name unique among the SLOs, e.g. {@code blog-availability}; used as the alert's label
 * @param objective the promised share of good events, above 0 and below 1, e.g. 0.999 for 99.9 %
 * @param period the rolling period the objective and the budget are measured over; default {@link
 *     #DEFAULT_PERIOD}
 * @param sli how good and total events are read from points
 * @param where tag values a point must have to count (exact matches), e.g. {@code vhost ->
 *     blog.example.com}; empty means every point of the SLI's measurement counts
 * @param alerts the burn-rate alerts; default {@link BurnRateAlert#WORKBOOK_DEFAULTS}; may be empty
 *     for an SLO that is only tracked; no long window may exceed the period
 * @param minEvents the number of events the long window of an alert must have seen for its burn
 *     rate to mean something; below it {@link BurnRateEvaluation#lowTraffic()} is set (at 100
 *     events one error is already a 1 % error ratio, a burn rate of 10 at 99.9 %); 0 never flags;
 *     default {@link #DEFAULT_MIN_EVENTS}
 */
public record SloDefinition(
    String name,
    double objective,
    Duration period,
    Sli sli,
    SortedMap<String, String> where,
    List<BurnRateAlert> alerts,
    long minEvents) {

  /** The period when none is configured: 30 days, the period the workbook's factors are for. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  /** The minimum number of events in an alert's long window when none is configured: 100. */
  public static final long DEFAULT_MIN_EVENTS = 100;

  public SloDefinition {
    RatioSli.requireName(name, "name");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException(
          "SLO " + name + ": the objective must be above 0 and below 1: " + objective);
    }
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("SLO " + name + ": the period must be positive");
    }
    Objects.requireNonNull(sli, "sli");
    where = Collections.unmodifiableSortedMap(new TreeMap<>(where));
    alerts = List.copyOf(alerts);
    for (BurnRateAlert alert : alerts) {
      if (alert.longWindow().compareTo(period) > 0) {
        throw new IllegalArgumentException(
            "SLO " + name + ": the window " + alert.longWindow() + " is longer than the period");
      }
    }
    if (minEvents < 0) {
      throw new IllegalArgumentException("SLO " + name + ": minEvents must not be negative");
    }
  }

  /** A builder with the default period, no tag matchers, the workbook's alerts and min events. */
  public static Builder builder(String name, double objective, Sli sli) {
    return new Builder(name, objective, sli);
  }

  /** The error budget: the share of events allowed to be bad, {@code 1 - objective}. */
  public double errorBudget() {
    return 1 - objective;
  }

  /** Builds a {@link SloDefinition}. */
  public static final class Builder {
    private final String name;
    private final double objective;
    private final Sli sli;
    private Duration period = DEFAULT_PERIOD;
    private Map<String, String> where = Map.of();
    private List<BurnRateAlert> alerts = BurnRateAlert.WORKBOOK_DEFAULTS;
    private long minEvents = DEFAULT_MIN_EVENTS;

    private Builder(String name, double objective, Sli sli) {
      this.name = name;
      this.objective = objective;
      this.sli = sli;
    }

    public Builder period(Duration period) {
      this.period = period;
      return this;
    }

    public Builder where(Map<String, String> where) {
      this.where = where;
      return this;
    }

    public Builder alerts(List<BurnRateAlert> alerts) {
      this.alerts = alerts;
      return this;
    }

    public Builder minEvents(long minEvents) {
      this.minEvents = minEvents;
      return this;
    }

    public SloDefinition build() {
      return new SloDefinition(
          name, objective, period, sli, new TreeMap<>(where), alerts, minEvents);
    }
  }
}
