package io.ferry.alerts.slo;

import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test traffic: hosts that each serve a steady number of requests per second and write their
 * cumulative {@code http_requests} counters ({@code ok}, {@code total}) every 10 s.
 */
final class Fleet {

  static final String MEASUREMENT = "http_requests";
  static final String VHOST = "blog.example.com";
  static final Duration STEP = Duration.ofSeconds(10);

  private final SloTracker tracker;
  private final long requestsPerStep;
  private final Map<String, Counters> hosts = new LinkedHashMap<>();
  private Instant now;

  /** Starts at {@code start} with each host's baseline point written. */
  Fleet(SloTracker tracker, Instant start, long requestsPerSecondPerHost, String... hosts) {
    this.tracker = tracker;
    this.requestsPerStep = requestsPerSecondPerHost * STEP.toSeconds();
    this.now = start;
    for (String host : hosts) {
      this.hosts.put(host, new Counters());
    }
    write();
  }

  Instant now() {
    return now;
  }

  /** Advances one step; {@code errorRatio} of the step's requests fail on every host. */
  void step(double errorRatio) {
    now = now.plus(STEP);
    for (Counters counters : hosts.values()) {
      counters.total += requestsPerStep;
      counters.failures += requestsPerStep * errorRatio;
    }
    write();
  }

  /** Advances by {@code duration} in steps at a steady error ratio. */
  void run(Duration duration, double errorRatio) {
    for (long i = 0; i < duration.dividedBy(STEP); i++) {
      step(errorRatio);
    }
  }

  static Point point(String host, Instant at, long ok, long total) {
    return Point.builder(MEASUREMENT)
        .tag("host", host)
        .tag("vhost", VHOST)
        .field("ok", ok)
        .field("total", total)
        .timestamp(at)
        .build();
  }

  private void write() {
    hosts.forEach(
        (host, counters) ->
            tracker.observe(
                point(host, now, counters.total - (long) counters.failures, counters.total), now));
  }

  private static final class Counters {
    private long total;
    private double failures;
  }
}
