package io.ferry.alerts.slo;

import io.ferry.alerts.Severity;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code slos:} list of a configuration file into {@link SloDefinition}s:
 *
 * <pre>{@code
 * slos:
 *   - name: blog-availability        # required, unique
 *     objective: 99.9%               # required; or 0.999; above 0 and below 100 %
 *     period: 30d                    # default 30d; units ms, s, m, h, d, w
 *     ratio: {measurement: http_requests, good: ok, total: total}
 *     where: {vhost: blog.example.com}   # exact tag values; default: every series
 *     min_events: 100                # default 100; fewer events in a long window = low traffic
 *   - name: blog-latency
 *     objective: 99%
 *     latency: {measurement: http_request_duration, threshold: 300ms}
 *     alerts:                        # default: the SRE workbook's three; [] for none
 *       - {severity: page, long: 1h, short: 5m, burn_rate: 14.4}
 * }</pre>
 *
 * Each SLO sets exactly one of {@code ratio} and {@code latency}. Every error is a {@link
 * ConfigException} naming the file, the line and the key path, such as {@code slos[1].objective}.
 */
public final class SloConfigReader {

  /** The key of the list in the section given to {@link #read}. */
  public static final String SLOS = "slos";

  private static final Pattern DAYS_OR_WEEKS = Pattern.compile("(\\d+)\\s*([dDwW])");

  /** The longest period accepted: a year and a day, about 2.5 MiB of history per SLO. */
  public static final Duration MAX_PERIOD = Duration.ofDays(366);

  private static final String DURATION = "a positive duration such as 5m, 1h, 3d or 4w";

  private SloConfigReader() {}

  /**
   * Reads the {@value #SLOS} list of {@code section} (usually the file's top level); absent means
   * no SLO. Unknown keys inside an SLO are rejected here; those of {@code section} itself are left
   * to the caller, who knows its other keys.
   */
  public static List<SloDefinition> read(ConfigMapping section) {
    List<SloDefinition> slos = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigMapping entry : section.mappingList(SLOS)) {
      SloDefinition slo = readSlo(entry);
      if (!names.add(slo.name())) {
        throw entry.problem("name", "another SLO is already named " + slo.name());
      }
      slos.add(slo);
    }
    return List.copyOf(slos);
  }

  private static SloDefinition readSlo(ConfigMapping entry) {
    declareKeys(
        entry, "name", "objective", "period", "ratio", "latency", "where", "alerts", "min_events");
    String name = entry.requiredString("name");
    double objective =
        entry
            .parsed(
                "objective",
                "a fraction above 0 and below 1 such as 0.999, or a percentage such as 99.9%",
                SloConfigReader::parseObjective)
            .orElseThrow(() -> entry.missing("objective"));
    Duration period =
        entry.parsed(
            "period", SloDefinition.DEFAULT_PERIOD, DURATION, SloConfigReader::parseDuration);
    if (period.compareTo(MAX_PERIOD) > 0) {
      throw entry.problem(
          "period",
          "must be at most "
              + format(MAX_PERIOD)
              + ": the history takes 24 bytes per 5 minutes of the period");
    }
    Sli sli = readSli(entry);
    Map<String, String> where = entry.stringMap("where");
    List<BurnRateAlert> alerts =
        entry.has("alerts") ? readAlerts(entry, period) : BurnRateAlert.WORKBOOK_DEFAULTS;
    for (BurnRateAlert alert : alerts) {
      if (!entry.has("alerts") && alert.longWindow().compareTo(period) > 0) {
        throw entry.problem(
            "period",
            "is shorter than the default alerts' longest window ("
                + format(alert.longWindow())
                + "): give a longer period, or alerts with windows within it");
      }
    }
    long minEvents =
        entry.longValue("min_events", SloDefinition.DEFAULT_MIN_EVENTS, 0, Long.MAX_VALUE);
    return SloDefinition.builder(name, objective, sli)
        .period(period)
        .where(where)
        .alerts(alerts)
        .minEvents(minEvents)
        .build();
  }

  private static Sli readSli(ConfigMapping entry) {
    boolean ratio = entry.has("ratio");
    boolean latency = entry.has("latency");
    if (ratio && latency) {
      throw entry.problem("latency", "set either ratio or latency, not both");
    }
    if (ratio) {
      ConfigMapping mapping = entry.mapping("ratio");
      declareKeys(mapping, "measurement", "good", "total");
      String good = mapping.requiredString("good");
      String total = mapping.requiredString("total");
      if (good.equals(total)) {
        throw mapping.problem("total", "must differ from good (" + good + ")");
      }
      return new RatioSli(mapping.requiredString("measurement"), good, total);
    }
    if (latency) {
      ConfigMapping mapping = entry.mapping("latency");
      declareKeys(mapping, "measurement", "threshold");
      String measurement = mapping.requiredString("measurement");
      Duration threshold =
          mapping
              .parsed(
                  "threshold",
                  "a positive duration such as 300ms or 1s",
                  text -> ConfigUnits.parseDuration(text).filter(d -> !d.isZero()))
              .orElseThrow(() -> mapping.problem("threshold", "is required, such as 300ms"));
      return new LatencySli(measurement, threshold);
    }
    throw entry.problem(
        "set ratio (good and total counters) or latency (histogram buckets) to say what is"
            + " measured");
  }

  private static List<BurnRateAlert> readAlerts(ConfigMapping entry, Duration period) {
    List<BurnRateAlert> alerts = new ArrayList<>();
    for (ConfigMapping alert : entry.mappingList("alerts")) {
      declareKeys(alert, "severity", "long", "short", "burn_rate");
      Severity severity =
          alert
              .parsed("severity", "page, ticket, warning or info", Severity::fromConfigName)
              .orElseThrow(() -> alert.missing("severity"));
      Duration longWindow = requiredDuration(alert, "long");
      Duration shortWindow = requiredDuration(alert, "short");
      double burnRate =
          alert
              .parsed("burn_rate", "a positive number such as 14.4", SloConfigReader::parsePositive)
              .orElseThrow(() -> alert.missing("burn_rate"));
      if (longWindow.compareTo(period) > 0) {
        throw alert.problem(
            "long", "must not be longer than the SLO's period (" + format(period) + ")");
      }
      if (shortWindow.compareTo(longWindow) >= 0) {
        throw alert.problem(
            "short", "must be shorter than the long window (" + format(longWindow) + ")");
      }
      alerts.add(new BurnRateAlert(severity, longWindow, shortWindow, burnRate));
    }
    return alerts;
  }

  /** Names every key the mapping may have, then fails on any other, suggesting the closest. */
  private static void declareKeys(ConfigMapping mapping, String... keys) {
    for (String key : keys) {
      mapping.has(key);
    }
    mapping.rejectUnknownKeys();
  }

  private static Duration requiredDuration(ConfigMapping mapping, String key) {
    return mapping
        .parsed(key, DURATION, SloConfigReader::parseDuration)
        .orElseThrow(() -> mapping.missing(key));
  }

  /** {@code 0.999} or {@code 99.9%}; empty unless strictly between 0 and 1. */
  static Optional<Double> parseObjective(String text) {
    String trimmed = text.trim();
    boolean percent = trimmed.endsWith("%");
    String number = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
    BigDecimal value;
    try {
      value = new BigDecimal(number);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (percent) {
      value = value.movePointLeft(2);
    }
    if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
      return Optional.empty();
    }
    return Optional.of(value.doubleValue());
  }

  /**
   * A duration in the units of {@link ConfigUnits#parseDuration}, or days ({@code d}), weeks
   * ({@code w}).
   */
  static Optional<Duration> parseDuration(String text) {
    Matcher m = DAYS_OR_WEEKS.matcher(text.trim());
    Optional<Duration> duration;
    if (m.matches()) {
      try {
        long days = Long.parseLong(m.group(1));
        duration =
            Optional.of(
                Duration.ofDays(
                    m.group(2).toLowerCase(Locale.ROOT).equals("w")
                        ? Math.multiplyExact(days, 7)
                        : days));
      } catch (ArithmeticException | NumberFormatException e) {
        duration = Optional.empty();
      }
    } else {
      duration = ConfigUnits.parseDuration(text);
    }
    return duration.filter(d -> !d.isZero());
  }

  private static Optional<Double> parsePositive(String text) {
    try {
      double value = Double.parseDouble(text.trim());
      return value > 0 && !Double.isInfinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A duration as the file would write it: {@code 30d}, {@code 6h}, {@code 5m}. */
  static String format(Duration duration) {
    Duration day = Duration.ofDays(1);
    if (!duration.isZero() && duration.toNanos() % day.toNanos() == 0) {
      return duration.toDays() + "d";
    }
    return ConfigUnits.formatDuration(duration);
  }
}
