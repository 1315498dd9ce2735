package io.ferry.agent.input.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.alerts.slo.LatencySli;
import io.ferry.alerts.slo.RatioSli;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.alerts.slo.SloStatus;
import io.ferry.alerts.slo.SloTracker;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end from a log file to the collector's SLO arithmetic: the points the access log input
 * writes, sent as line protocol and read back, give the collector's latency and ratio SLOs exactly
 * the good and total events of the log lines, across an agent restart that resets the counters.
 */
class AccessLogSloTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;

  @Test
  void theCollectorsSlosCountTheLogsRequestsAcrossARestart() throws Exception {
    Path log = dir.resolve("access.log");
    var config =
        new AccessLogConfig(
            "shop",
            log,
            LogFormat.parse("nginx"),
            Optional.of("shop.example.com"),
            StartAt.BEGINNING,
            Duration.ofSeconds(1),
            SloBuckets.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1)),
            Map.of());
    var latency =
        new SloTracker(
            SloDefinition.builder(
                    "shop-latency",
                    0.99,
                    new LatencySli("http_request_duration", Duration.ofMillis(300)))
                .where(Map.of("vhost", "shop.example.com"))
                .build());
    var availability =
        new SloTracker(
            SloDefinition.builder(
                    "shop-availability", 0.99, new RatioSli("http_requests", "ok", "total"))
                .where(Map.of("vhost", "shop.example.com", "method", "GET"))
                .build());
    List<SloTracker> trackers = List.of(latency, availability);

    // The first collection is the baseline: its two requests have no known time.
    append(log, request(200, "0.050"), request(200, "0.050"));
    var first = open(config);
    first.readNow();
    send(first, T0, trackers);
    // 10 requests: 7 at or under 300 ms, 3 over it, one of those a 503.
    append(
        log,
        request(200, "0.010"),
        request(200, "0.100"),
        request(200, "0.300"),
        request(200, "0.050"),
        request(404, "0.020"),
        request(200, "0.250"),
        request(301, "0.001"),
        request(200, "0.301"),
        request(200, "0.900"),
        request(503, "5.000"));
    first.readNow();
    send(first, T0.plusSeconds(10), trackers);
    first.close();
    // A restarted agent counts from zero again; its first point is the increase.
    append(log, request(200, "0.010"), request(502, "0.020"), request(200, "0.030"));
    var second = open(config);
    second.readNow();
    send(second, T0.plusSeconds(20), trackers);

    SloStatus latencyStatus = latency.status(T0.plusSeconds(30));
    SloStatus availabilityStatus = availability.status(T0.plusSeconds(30));
    assertThat(latencyStatus.totalEvents()).isEqualTo(13);
    assertThat(latencyStatus.badEvents()).isEqualTo(3);
    assertThat(availabilityStatus.totalEvents()).isEqualTo(13);
    assertThat(availabilityStatus.badEvents()).isEqualTo(2);
    assertThat(latency.problems()).isEmpty();
    assertThat(availability.problems()).isEmpty();
  }

  private AccessLogInput open(AccessLogConfig config) throws IOException {
    Path state = dir.resolve("state");
    var input = new AccessLogInput(config, state, state.resolve("access-log-shop.offset"));
    input.open();
    return input;
  }

  /** Collects, stamps, writes line protocol and parses it back, as agent and collector do. */
  private static void send(AccessLogInput input, Instant at, List<SloTracker> trackers) {
    var collected = new CollectingAccumulator();
    input.collect(collected);
    List<Point> stamped =
        collected.points().stream().map(p -> p.withDefaultTimestamp(Point.epochNanos(at))).toList();
    String wire = LineProtocolWriter.toLines(stamped, Precision.NANOSECONDS);
    for (Point point :
        LineProtocolParser.parse(wire, Precision.NANOSECONDS, Point.epochNanos(at)).points()) {
      trackers.forEach(tracker -> tracker.observe(point, at));
    }
  }

  private static String request(int status, String seconds) {
    return "192.0.2.1 - - [26/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" "
        + status
        + " 10 \"-\" \"test\" "
        + seconds;
  }

  private static void append(Path file, String... lines) throws IOException {
    Files.writeString(
        file,
        String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
