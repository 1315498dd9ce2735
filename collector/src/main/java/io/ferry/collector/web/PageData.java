package io.ferry.collector.web;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.dispatch.Silence;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.alerts.slo.SloStatus;
import io.ferry.collector.alerting.AlertService;
import io.ferry.collector.compare.ComparisonService;
import io.ferry.collector.compare.ComparisonStatus;
import io.ferry.dashboards.page.AlertRow;
import io.ferry.dashboards.page.AlertsView;
import io.ferry.dashboards.page.ChartRef;
import io.ferry.dashboards.page.CutoverView;
import io.ferry.dashboards.page.FleetView;
import io.ferry.dashboards.page.Fmt;
import io.ferry.dashboards.page.HostRow;
import io.ferry.dashboards.page.HostView;
import io.ferry.dashboards.page.OverviewView;
import io.ferry.dashboards.page.PageFrame;
import io.ferry.dashboards.page.ReplicationNode;
import io.ferry.dashboards.page.ReplicationView;
import io.ferry.dashboards.page.SilenceRow;
import io.ferry.dashboards.page.SloRow;
import io.ferry.dashboards.page.SloView;
import io.ferry.dashboards.page.StoredReportRow;
import io.ferry.dashboards.page.TimeRange;
import io.ferry.dashboards.page.VerdictRow;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills the page views: InfluxDB for what agents and the collector wrote, the alert service for
 * live alerts, silences and SLOs, the comparison service for a run in progress. When InfluxDB
 * cannot answer, a page still renders, saying so, with what the services know.
 */
final class PageData {

  /** A host without a point for this long is silent: 2 minutes, twelve default intervals. */
  static final Duration SILENT_AFTER = Duration.ofMinutes(2);

  private final InfluxQueryClient influx;
  private final Optional<AlertService> alerting;
  private final Optional<ComparisonService> comparison;
  private final Optional<Path> reportDir;
  private final WorkerExecutor workers;
  private final Clock clock;

  /**
   * @param reportDir where comparison reports are kept ({@code compare.report_dir}), if anywhere
   * @param workers the pages' worker pool, for reading the stored reports
   */
  PageData(
      InfluxQueryClient influx,
      Optional<AlertService> alerting,
      Optional<ComparisonService> comparison,
      Optional<Path> reportDir,
      WorkerExecutor workers,
      Clock clock) {
    this.influx = influx;
    this.reportDir = reportDir;
    this.workers = workers;
    this.alerting = alerting;
    this.comparison = comparison;
    this.clock = clock;
  }

  /** How long a fleet snapshot is fresh: 5 seconds, half the agents' default interval. */
  static final Duration FLEET_CACHE_FOR = Duration.ofSeconds(5);

  /** How old a snapshot may be served while a fresh one is read: 30 seconds. */
  static final Duration FLEET_STALE_FOR = Duration.ofSeconds(30);

  private Future<List<List<InfluxSeries>>> fleetResults;
  private Instant fleetReadAt = Instant.MIN;
  private Future<List<List<InfluxSeries>>> fleetRefresh;

  /**
   * The fleet's readings, shared by the fleet and overview pages. A snapshot younger than {@link
   * #FLEET_CACHE_FOR} is served as is; an older one (up to {@link #FLEET_STALE_FOR}) is served
   * while a fresh one is read, so that no page waits for 2,000 series to be grouped. Only called on
   * the event loop, so the fields need no lock.
   */
  private Future<List<List<InfluxSeries>>> fleetResults() {
    Instant now = clock.instant();
    boolean have = fleetResults != null && fleetResults.succeeded();
    if (have && fleetReadAt.plus(FLEET_CACHE_FOR).isAfter(now)) {
      return fleetResults;
    }
    if (fleetRefresh == null) {
      fleetRefresh = readFleet();
      fleetRefresh.onComplete(
          done -> {
            if (done.succeeded()) {
              fleetResults = fleetRefresh;
              fleetReadAt = now;
            }
            fleetRefresh = null;
          });
    }
    Future<List<List<InfluxSeries>>> refresh = fleetRefresh;
    if (have && fleetReadAt.plus(FLEET_STALE_FOR).isAfter(now)) {
      return fleetResults;
    }
    return refresh;
  }

  private Future<List<List<InfluxSeries>>> readFleet() {
    return influx
        .query(FleetQueries.statements(Optional.empty()))
        .compose(
            results -> {
              var quiet = FleetQueries.quietHosts(results, expectedHosts());
              if (quiet.isEmpty()) {
                return Future.succeededFuture(results);
              }
              return influx
                  .query(FleetQueries.lastSeen(quiet))
                  .map(
                      lastSeen -> {
                        List<List<InfluxSeries>> all = new ArrayList<>(results);
                        all.add(lastSeen);
                        return all;
                      });
            });
  }

  Future<FleetView> fleet() {
    Instant now = clock.instant();
    return fleetResults()
        .map(
            results ->
                new FleetView(
                    FleetQueries.hosts(results, now, SILENT_AFTER, expectedHosts()),
                    SILENT_AFTER,
                    null))
        .otherwise(e -> new FleetView(List.of(), SILENT_AFTER, e.getMessage()));
  }

  /** The alert inventory's hosts; none without alerting. */
  private Set<String> expectedHosts() {
    return alerting.<Set<String>>map(AlertService::expectedHosts).orElse(Set.of());
  }

  Future<HostView> host(PageFrame frame, String host) {
    Instant now = clock.instant();
    List<ChartRef> charts = new ArrayList<>();
    for (ChartKind kind :
        List.of(
            ChartKind.HOST_CPU,
            ChartKind.HOST_MEMORY,
            ChartKind.HOST_DISK,
            ChartKind.HOST_LOAD,
            ChartKind.HOST_LAG)) {
      charts.add(chart(frame, kind, host));
    }
    HostRow unknown =
        expectedHosts().contains(host)
            ? HostRow.neverReported(host)
            : new HostRow(host, null, null, null, null, null, null, true);
    // The common case, a host that reports, costs four short queries; only a quiet host is looked
    // for over the last day.
    return influx
        .query(FleetQueries.statements(Optional.of(host)))
        .compose(
            recent -> {
              Optional<HostRow> row = hostRow(recent, now, host);
              if (row.isPresent()) {
                return Future.succeededFuture(row.get());
              }
              return influx
                  .query(FleetQueries.lastSeen(List.of(host)))
                  .map(
                      lastSeen -> {
                        List<List<InfluxSeries>> all = new ArrayList<>(recent);
                        all.add(lastSeen);
                        return hostRow(all, now, host).orElse(unknown);
                      });
            })
        .otherwise(unknown)
        .map(summary -> new HostView(summary, charts));
  }

  private static Optional<HostRow> hostRow(
      List<List<InfluxSeries>> results, Instant now, String host) {
    return FleetQueries.hosts(results, now, SILENT_AFTER, Set.of()).stream()
        .filter(row -> host.equals(row.host()))
        .findFirst();
  }

  Future<ReplicationView> replication(PageFrame frame) {
    List<ChartRef> charts =
        List.of(
            chart(frame, ChartKind.REPLICATION_LAG, null),
            chart(frame, ChartKind.REPLICATION_HEARTBEAT, null));
    return influx
        .query(ReplicationQueries.statements())
        .map(
            results -> {
              List<ReplicationNode> nodes = ReplicationQueries.nodes(results);
              return new ReplicationView(
                  nodes, ReplicationQueries.links(results, nodes), charts, null);
            })
        .otherwise(e -> new ReplicationView(List.of(), List.of(), charts, e.getMessage()));
  }

  Future<OverviewView> overview(PageFrame frame) {
    Future<ReplicationView> replication = replication(frame);
    Future<FleetView> fleet = fleet();
    Future<VerdictRow> verdict =
        influx
            .query(HistoryQueries.latestVerdict())
            .map(result -> HistoryQueries.verdictRows(result).stream().findFirst().orElse(null))
            .otherwise((VerdictRow) null);
    return Future.all(replication, fleet, verdict)
        .map(
            all ->
                new OverviewView(
                    replication.result(),
                    activeAlerts().stream()
                        .filter(a -> "firing".equals(a.status()) && a.silencedBy() == null)
                        .toList(),
                    verdict.result(),
                    fleet.result().hosts().stream().filter(HostRow::silent).toList(),
                    fleet.result().hosts().size()));
  }

  Future<AlertsView> alerts(TimeRange range, String notice, String error) {
    List<AlertRow> active = activeAlerts();
    List<SilenceRow> silences = silences();
    return influx
        .query(HistoryQueries.alerts(range))
        .map(
            result ->
                new AlertsView(
                    alerting.isPresent(),
                    active,
                    silences,
                    HistoryQueries.alertRows(result),
                    notice,
                    error))
        .otherwise(
            e ->
                new AlertsView(
                    alerting.isPresent(),
                    active,
                    silences,
                    List.of(),
                    notice,
                    error != null ? error : "Alert history unavailable: " + e.getMessage()));
  }

  SloView slos(PageFrame frame) {
    if (alerting.isEmpty()) {
      return new SloView(List.of(), false);
    }
    List<SloDefinition> definitions = alerting.get().slos();
    Map<String, SloStatus> statuses =
        alerting.get().sloStatuses().stream()
            .collect(Collectors.toMap(SloStatus::slo, status -> status, (a, b) -> a));
    List<SloRow> rows = new ArrayList<>();
    for (SloDefinition slo : definitions) {
      SloStatus status = statuses.get(slo.name());
      List<SloRow.BurnRate> burns = new ArrayList<>();
      if (status != null) {
        status
            .burnRates()
            .forEach(
                (window, rate) ->
                    burns.add(new SloRow.BurnRate(Fmt.duration(window), boxed(rate))));
      }
      rows.add(
          new SloRow(
              slo.name(),
              slo.objective(),
              Fmt.duration(slo.period()),
              status == null ? null : boxed(status.compliance()),
              status == null ? null : boxed(status.errorBudgetRemaining()),
              burns,
              status == null ? 0 : status.totalEvents(),
              status == null ? 0 : status.badEvents(),
              List.of(
                  chart(frame, ChartKind.SLO_BUDGET, slo.name()),
                  chart(frame, ChartKind.SLO_BURN, slo.name()))));
    }
    return new SloView(rows, true);
  }

  Future<CutoverView> cutover(PageFrame frame) {
    Optional<ComparisonStatus> status = comparison.map(ComparisonService::status);
    boolean running = status.map(ComparisonStatus::running).orElse(false);
    String report =
        status.flatMap(ComparisonStatus::latest).isPresent() ? "/compare/latest.html" : null;
    ChartRef chart = chart(frame, ChartKind.COMPARE_FAILED, null);
    Future<List<StoredReportRow>> reports =
        reportDir
            .map(dir -> workers.executeBlocking(() -> StoredReports.list(dir), false))
            .orElse(Future.succeededFuture(List.of()));
    Future<List<List<InfluxSeries>>> history =
        influx.query(
            List.of(
                HistoryQueries.latestVerdict(),
                HistoryQueries.verdicts(frame.range()),
                HistoryQueries.switchedAt()));
    return Future.join(history, reports)
        .transform(
            done -> {
              List<String> errors = new ArrayList<>();
              if (history.failed()) {
                errors.add(history.cause().getMessage());
              }
              if (reports.failed()) {
                errors.add("Stored reports unreadable: " + reports.cause().getMessage());
              }
              List<List<InfluxSeries>> results =
                  history.succeeded() ? history.result() : List.of(List.of(), List.of(), List.of());
              return Future.succeededFuture(
                  new CutoverView(
                      comparison.isPresent(),
                      running,
                      HistoryQueries.verdictRows(results.get(0)).stream().findFirst().orElse(null),
                      HistoryQueries.verdictRows(results.get(1)),
                      report,
                      chart,
                      HistoryQueries.switchTime(results.get(2)).orElse(null),
                      reportDir.isPresent(),
                      reports.succeeded() ? reports.result() : List.of(),
                      errors.isEmpty() ? null : String.join("; ", errors)));
            });
  }

  private List<AlertRow> activeAlerts() {
    if (alerting.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    var silences = alerting.get().dispatcher().silences();
    List<AlertRow> rows = new ArrayList<>();
    for (Alert alert : alerting.get().alerts()) {
      String labels =
          alert.labels().values().entrySet().stream()
              .filter(e -> !e.getKey().equals("alertname") && !e.getKey().equals("severity"))
              .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
              .collect(Collectors.joining(", "));
      boolean firing = alert.status() == AlertStatus.FIRING;
      rows.add(
          new AlertRow(
              alert.name(),
              alert.severity().name().toLowerCase(java.util.Locale.ROOT),
              labels,
              alert.summary(),
              firing ? "firing" : "pending",
              firing ? alert.firingSince() : alert.activeSince(),
              Double.isNaN(alert.value()) ? null : alert.value(),
              silences.silencing(alert.labels(), now).map(Silence::id).orElse(null)));
    }
    return rows;
  }

  private List<SilenceRow> silences() {
    if (alerting.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    return alerting.get().dispatcher().silences().list().stream()
        .map(
            s ->
                new SilenceRow(
                    s.id(),
                    s.matchers().stream().map(Object::toString).collect(Collectors.joining(", ")),
                    s.startsAt(),
                    s.endsAt(),
                    s.createdBy(),
                    s.comment(),
                    !s.expiredAt(now)))
        .sorted(
            Comparator.comparing((SilenceRow s) -> !s.active())
                .thenComparing(SilenceRow::endsAt, Comparator.reverseOrder()))
        .toList();
  }

  /** A chart on a page, of {@code subject} (a host, an SLO) for a chart of one. */
  private static ChartRef chart(PageFrame frame, ChartKind kind, String subject) {
    String url = "/charts/" + kind.code() + ".png?range=" + frame.range().code();
    String title = kind.title();
    if (kind.subjectTag().isPresent()) {
      url += "&" + kind.subjectTag().get() + "=" + PageFrame.encode(subject);
      title += " · " + subject;
    }
    return new ChartRef(title, url);
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
