package io.ferry.alerts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.rule.RuleFileReader;
import io.ferry.alerts.slo.RatioSli;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.alerts.slo.SloStatus;
import io.ferry.lineprotocol.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEngineSloTest {

  private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void anSloNoRuleWatchesIsStillTracked() {
    SloDefinition slo =
        SloDefinition.builder("checkout", 0.99, new RatioSli("http_requests", "ok", "total"))
            .alerts(List.of())
            .build();
    AlertEngine engine = new AlertEngine(List.of(), List.of(slo), Phase.PRE, START);

    engine.ingest(
        List.of(requests(START, 0, 0), requests(START.plusSeconds(10), 995, 1000)), START);
    SloStatus status = engine.sloStatuses(START.plusSeconds(10)).get(0);

    assertThat(status.totalEvents()).isEqualTo(1000);
    assertThat(status.badEvents()).isEqualTo(5);
    assertThat(status.errorBudgetRemaining().getAsDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(status.lowTraffic()).as("1,000 events, 100 needed").isFalse();
  }

  private static Point requests(Instant at, long ok, long total) {
    return Point.builder("http_requests")
        .tag("host", "web1")
        .field("ok", ok)
        .field("total", total)
        .timestamp(at)
        .build();
  }

  @Test
  void pointsNoRuleOrSloSelectsLeaveNothingBehindWhileSelectedOnesAreKept() throws Exception {
    List<Path> ruleFiles;
    try (var files = Files.list(Path.of("rules"))) {
      ruleFiles = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
    SloDefinition slo =
        SloDefinition.builder("checkout", 0.99, new RatioSli("http_requests", "ok", "total"))
            .build();
    AlertEngine engine =
        new AlertEngine(new RuleFileReader().readAll(ruleFiles), List.of(slo), Phase.PRE, START);
    List<Point> unselected = new ArrayList<>();
    for (int host = 0; host < 1_000; host++) {
      unselected.add(
          Point.builder("cpu")
              .tag("host", "h" + host)
              .tag("cpu", "cpu-total")
              .field("usage_idle", 90.0)
              .timestamp(START)
              .build());
    }

    engine.ingest(unselected, START);

    assertThat(engine.trackedSeries()).isZero();
    engine.ingest(
        List.of(
            Point.builder("disk")
                .tag("host", "h1")
                .tag("path", "/")
                .field("used_percent", 50.0)
                .timestamp(START)
                .build(),
            requests(START, 0, 0),
            requests(START.plusSeconds(10), 99, 100)),
        START.plusSeconds(10));
    assertThat(engine.trackedSeries())
        .as("the disk's series under the two disk rules")
        .isEqualTo(2);
    assertThat(engine.sloStatuses(START.plusSeconds(10)).get(0).totalEvents()).isEqualTo(100);
  }
}
