package io.ferry.agent.input.accesslog;

import io.ferry.agent.input.histogram.HistogramCounts;
import io.ferry.agent.input.histogram.LatencyHistogram;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.lineprotocol.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cumulative request counts of one log since the agent started: per virtual host and method,
 * the requests by status class; per virtual host, a latency histogram. Not thread-safe: the input
 * guards it.
 */
final class RequestCounters {

  /** Per virtual host and method: {@code total}, {@code ok} and {@code status_1xx}..{@code 5xx}. */
  static final String REQUESTS_MEASUREMENT = "http_requests";

  /** Per virtual host: the histogram of request times. */
  static final String DURATION_MEASUREMENT = "http_request_duration";

  /** Virtual hosts counted apart at most; further ones are counted under {@link #OTHER_HOST}. */
  static final int MAX_HOSTS = 200;

  static final String OTHER_HOST = "_other";

  private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private final SloBuckets buckets;
  private final Map<String, Host> hosts = new TreeMap<>();

  RequestCounters(SloBuckets buckets) {
    this.buckets = buckets;
  }

  /** Counts one request. */
  void count(String host, AccessLogEntry entry) {
    String key = hosts.containsKey(host) || hosts.size() < MAX_HOSTS ? host : OTHER_HOST;
    Host counts = hosts.computeIfAbsent(key, ignored -> new Host(new LatencyHistogram(buckets)));
    counts.histogram.record(entry.requestTime());
    long[] byClass = counts.byMethod.computeIfAbsent(entry.method(), ignored -> new long[5]);
    byClass[entry.status() / 100 - 1]++;
  }

  /** Every counter as points, tagged with {@code tags} plus {@code vhost} (and {@code method}). */
  List<Point> points(Map<String, String> tags) {
    List<Point> points = new ArrayList<>();
    hosts.forEach(
        (host, counts) -> {
          var hostTags = new TreeMap<>(tags);
          hostTags.put("vhost", host);
          HistogramCounts histogram = counts.histogram.snapshot();
          points.add(histogram.toPoint(DURATION_MEASUREMENT, hostTags));
          counts.byMethod.forEach(
              (method, byClass) -> {
                var point =
                    Point.builder(REQUESTS_MEASUREMENT).tags(hostTags).tag("method", method);
                long total = 0;
                for (int i = 0; i < CLASSES.length; i++) {
                  point.field("status_" + CLASSES[i], byClass[i]);
                  total += byClass[i];
                }
                point.field("total", total).field("ok", total - byClass[4]);
                points.add(point.build());
              });
        });
    return points;
  }

  private record Host(LatencyHistogram histogram, Map<String, long[]> byMethod) {
    Host(LatencyHistogram histogram) {
      this(histogram, new TreeMap<>());
    }
  }
}
