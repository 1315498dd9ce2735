package io.ferry.collector.web;

import io.ferry.dashboards.chart.PngChartRenderer;
import io.ferry.dashboards.chart.TimeChartSpec;
import io.ferry.dashboards.chart.TimeMarker;
import io.ferry.dashboards.chart.TimeSeries;
import io.ferry.dashboards.page.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Draws the pages' charts: the chart's InfluxQL query, then JFreeChart on the pages' worker pool. A
 * chart is kept for {@link #CACHE_FOR}, and concurrent requests for the same chart share one query
 * and one rendering, so a wall of screens on auto-refresh costs one query per chart.
 */
final class ChartService {

  /** How long a drawn chart is served again: 10 seconds, the agents' default interval. */
  static final Duration CACHE_FOR = Duration.ofSeconds(10);

  static final int WIDTH = 720;
  static final int HEIGHT = 280;

  /** Past this many cached charts, expired ones are dropped. */
  private static final int PRUNE_ABOVE = 256;

  private record Key(ChartKind kind, TimeRange range, String subject) {}

  private record Entry(Instant expires, Future<byte[]> png) {}

  /**
   * The answer of one InfluxDB request shared by the charts of one subject: chart {@code index}'s
   * series, and the switch at {@code switchIndex} (-1 when not asked).
   */
  private record Data(
      Instant expires, Future<List<List<InfluxSeries>>> results, int index, int switchIndex) {}

  private final InfluxQueryClient influx;
  private final WorkerExecutor workers;
  private final Clock clock;
  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
  private final Map<Key, Data> data = new ConcurrentHashMap<>();

  ChartService(InfluxQueryClient influx, WorkerExecutor workers, Clock clock) {
    this.influx = influx;
    this.workers = workers;
    this.clock = clock;
  }

  /** The chart as PNG bytes; {@code subject} is the host or SLO of a chart of one. */
  Future<byte[]> png(ChartKind kind, TimeRange range, String subject) {
    Instant now = clock.instant();
    Key key = new Key(kind, range, kind.subjectTag().isPresent() ? subject : "");
    Entry entry =
        cache.compute(
            key,
            (k, old) ->
                old != null && old.expires().isAfter(now) && !old.png().failed()
                    ? old
                    : new Entry(now.plus(CACHE_FOR), draw(k, now)));
    if (cache.size() > PRUNE_ABOVE) {
      cache.values().removeIf(e -> !e.expires().isAfter(now));
      data.values().removeIf(d -> !d.expires().isAfter(now));
    }
    return entry.png();
  }

  private Future<byte[]> draw(Key key, Instant now) {
    Data answer = data(key, now);
    return answer
        .results()
        .compose(
            results ->
                workers.executeBlocking(
                    () ->
                        PngChartRenderer.render(
                            new TimeChartSpec(
                                title(key),
                                key.kind().unit(),
                                series(results.get(answer.index())),
                                now.minus(key.range().length()),
                                now,
                                answer.switchIndex() < 0
                                    ? List.of()
                                    : switchMarker(results.get(answer.switchIndex()))),
                            WIDTH,
                            HEIGHT),
                    false));
  }

  /**
   * The chart's data. A page shows the charts of one subject together (five of a host, two of an
   * SLO), so the first one asked reads every chart of that subject in one InfluxDB request, and the
   * others, asked a moment later, find their series already on the way.
   */
  private Data data(Key key, Instant now) {
    Data cached = data.get(key);
    if (cached != null && cached.expires().isAfter(now) && !cached.results().failed()) {
      return cached;
    }
    List<Key> batch = new ArrayList<>();
    batch.add(key);
    if (key.kind().subjectTag().isPresent()) {
      for (ChartKind other : ChartKind.values()) {
        Key sibling = new Key(other, key.range(), key.subject());
        Data known = data.get(sibling);
        if (other != key.kind()
            && other.subjectTag().equals(key.kind().subjectTag())
            && (known == null || !known.expires().isAfter(now))) {
          batch.add(sibling);
        }
      }
    }
    List<String> statements = new ArrayList<>();
    for (Key each : batch) {
      statements.add(each.kind().statement(each.range(), each.subject()));
    }
    // The comparison timeline marks the switch, read in the same request as the verdicts.
    int switchIndex = -1;
    if (key.kind() == ChartKind.COMPARE_FAILED) {
      switchIndex = statements.size();
      statements.add(HistoryQueries.switchedAt());
    }
    Future<List<List<InfluxSeries>>> results = influx.query(statements);
    Data mine = null;
    for (int i = 0; i < batch.size(); i++) {
      Data entry = new Data(now.plus(CACHE_FOR), results, i, switchIndex);
      data.put(batch.get(i), entry);
      if (i == 0) {
        mine = entry;
      }
    }
    return mine;
  }

  /**
   * The window a column names by its last word, as {@code ferry_slo} writes it ({@code
   * max_burn_rate_30m}, {@code _3d}); zero for any other column.
   */
  static Duration windowOf(String column) {
    java.util.regex.Matcher window =
        java.util.regex.Pattern.compile("_(\\d+)([smhd])$").matcher(column);
    if (!window.find()) {
      return Duration.ZERO;
    }
    long amount = Long.parseLong(window.group(1));
    return switch (window.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static List<TimeMarker> switchMarker(List<InfluxSeries> result) {
    return HistoryQueries.switchTime(result)
        .map(at -> List.of(new TimeMarker(at, "switch")))
        .orElse(List.of());
  }

  private static String title(Key key) {
    return key.kind().title()
        + (key.kind().subjectTag().isPresent() ? " · " + key.subject() : "")
        + " · last "
        + key.range().code();
  }

  /**
   * One line per series, named by its tags, host first ({@code db2/default}); a series with several
   * selected columns ({@code max_burn_rate_5m}, {@code max_burn_rate_1h}) gives one line per
   * column, named by the column's last word ({@code 5m}), after the tags.
   */
  static List<TimeSeries> series(List<InfluxSeries> result) {
    List<TimeSeries> lines = new ArrayList<>();
    for (InfluxSeries series : result) {
      // Windows shortest first (5m, 30m, 1h, ...), not in InfluxDB's alphabetical order.
      List<String> columns =
          series.columns().stream()
              .filter(column -> !column.equals("time"))
              .sorted(Comparator.comparing(ChartService::windowOf))
              .toList();
      String name =
          series.tags().entrySet().stream()
              .sorted(
                  Comparator.comparing(
                          (Map.Entry<String, String> tag) -> !tag.getKey().equals("host"))
                      .thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getValue)
              .filter(value -> !value.isEmpty())
              .collect(Collectors.joining("/"));
      for (String column : columns) {
        List<TimeSeries.Point> points = new ArrayList<>();
        for (Map<String, Object> row : series.rows()) {
          Instant at = InfluxSeries.time(row);
          Double value = InfluxSeries.number(row, column);
          if (at != null && value != null) {
            points.add(new TimeSeries.Point(at, value));
          }
        }
        String line = name;
        if (!column.equals("value")) {
          String word = column.substring(column.lastIndexOf('_') + 1);
          line = name.isEmpty() ? word : name + "/" + word;
        }
        lines.add(new TimeSeries(line.isEmpty() ? series.name() : line, points));
      }
    }
    return lines;
  }
}
