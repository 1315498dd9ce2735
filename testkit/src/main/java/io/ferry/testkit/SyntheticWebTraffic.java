package io.ferry.testkit;

import java.util.List;

/**
 * The line protocol of a host's request-latency inputs, for benchmarks: what the agent's access-log
 * input ({@code http_requests}, {@code http_request_duration}, {@code access_log}) and HTTP probes
 * ({@code http_probe}, {@code http_probe_duration}, {@code http_probes}) write, with the tags and
 * fields {@code docs/metrics.md} lists, {@value #SERIES_PER_HOST} series per host: {@value #VHOSTS}
 * virtual hosts with {@value #METHODS_PER_VHOST} methods each, and {@value #PROBES} probes.
 * Counters are cumulative and grow with the round, as the agent's do; the traffic is healthy: 0.05
 * % of requests fail with 5xx and 0.5 % take longer than 250 ms, half of what an SLO of 99.9 %
 * availability or 99 % under 250 ms allows.
 */
public final class SyntheticWebTraffic {

  /** Virtual hosts each host's access log serves. */
  public static final int VHOSTS = 20;

  /** Request methods seen per virtual host. */
  public static final int METHODS_PER_VHOST = 6;

  /** HTTP probes each host runs. */
  public static final int PROBES = 3;

  /** Series each host writes: requests per vhost and method, a histogram per vhost, probes. */
  public static final int SERIES_PER_HOST = VHOSTS * METHODS_PER_VHOST + VHOSTS + 1 + PROBES * 3;

  /** The histogram boundaries the agent writes by default, as field names. */
  private static final List<String> BUCKETS =
      List.of(
          "le_0.005",
          "le_0.01",
          "le_0.025",
          "le_0.05",
          "le_0.1",
          "le_0.25",
          "le_0.5",
          "le_1",
          "le_2.5",
          "le_5",
          "le_10");

  /** Share of the requests at or under each boundary, in parts per 10,000. */
  private static final int[] BUCKET_SHARE = {
    1000, 2500, 5000, 7000, 8500, 9950, 9980, 9990, 9995, 9999, 10000
  };

  private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS"};

  /** Requests per interval of each method on one vhost; 2,000 of 2,170 are GETs. */
  private static final int[] REQUESTS_PER_INTERVAL = {2000, 100, 50, 10, 5, 5};

  private static final int REQUESTS_PER_VHOST_INTERVAL = 2170;

  private SyntheticWebTraffic() {}

  /**
   * One collection of host {@code h}'s access log and probes at {@code nanos}.
   *
   * @param host the host's name ({@code host} tag)
   * @param round the number of the collection since the agent started: counters are {@code round}
   *     intervals' worth
   */
  public static String push(String host, long nanos, int round) {
    StringBuilder lines = new StringBuilder(24 * 1024);
    String ts = " " + nanos + "\n";
    long rounds = round;
    for (int v = 0; v < VHOSTS; v++) {
      String vhost = "blog" + v + ".example.com";
      for (int m = 0; m < METHODS_PER_VHOST; m++) {
        long total = rounds * REQUESTS_PER_INTERVAL[m];
        long failed = total / 2000;
        long redirected = total / 20;
        long clientErrors = total / 100;
        lines
            .append("http_requests,host=")
            .append(host)
            .append(",log=nginx,method=")
            .append(METHODS[m])
            .append(",vhost=")
            .append(vhost)
            .append(" total=")
            .append(total)
            .append("i,ok=")
            .append(total - failed)
            .append("i,status_1xx=0i,status_2xx=")
            .append(total - failed - redirected - clientErrors)
            .append("i,status_3xx=")
            .append(redirected)
            .append("i,status_4xx=")
            .append(clientErrors)
            .append("i,status_5xx=")
            .append(failed)
            .append('i')
            .append(ts);
      }
      histogram(
          lines,
          "http_request_duration,host=" + host + ",log=nginx,vhost=" + vhost,
          rounds * REQUESTS_PER_VHOST_INTERVAL,
          ts);
    }
    lines
        .append("access_log,host=")
        .append(host)
        .append(",log=nginx lines=")
        .append(rounds * REQUESTS_PER_VHOST_INTERVAL * VHOSTS)
        .append("i,malformed_lines=0i,bytes=")
        .append(rounds * REQUESTS_PER_VHOST_INTERVAL * VHOSTS * 180)
        .append("i,rotations=0i,truncations=0i,lost_files=0i,read_errors=0i")
        .append(ts);
    for (int p = 0; p < PROBES; p++) {
      String probe = ",host=" + host + ",probe=blog" + p;
      lines
          .append("http_probe")
          .append(probe)
          .append(" success=true,status=200i,dns_seconds=0.0004,connect_seconds=0.0011")
          .append(",first_byte_seconds=0.0")
          .append(12 + (round + p) % 7)
          .append(",total_seconds=0.0")
          .append(15 + (round + p) % 7)
          .append(",body_sha256=\"3f9a5c0e1b2d4a68\",body_bytes=48213i")
          .append(ts);
      histogram(lines, "http_probe_duration" + probe, rounds, ts);
      lines
          .append("http_probes")
          .append(probe)
          .append(" total=")
          .append(rounds)
          .append("i,ok=")
          .append(rounds)
          .append("i,skipped=0i")
          .append(ts);
    }
    return lines.toString();
  }

  /**
   * The measurement and a field every point of it carries, for each kind of point {@link #push}
   * writes: counting that field in InfluxDB counts the points.
   */
  public static List<CountedField> countedFields() {
    return List.of(
        new CountedField("http_requests", "total"),
        new CountedField("http_request_duration", "count"),
        new CountedField("access_log", "lines"),
        new CountedField("http_probe", "success"),
        new CountedField("http_probe_duration", "count"),
        new CountedField("http_probes", "total"));
  }

  private static void histogram(StringBuilder lines, String series, long count, String ts) {
    // About 40 ms a request on average: sum = count / 25 seconds, to two decimals.
    long hundredths = count % 25 * 4;
    lines.append(series).append(" count=").append(count).append("i,sum=").append(count / 25);
    lines.append(hundredths < 10 ? ".0" : ".").append(hundredths);
    for (int b = 0; b < BUCKETS.size(); b++) {
      lines.append(',').append(BUCKETS.get(b)).append('=');
      lines.append(count * BUCKET_SHARE[b] / 10_000).append('i');
    }
    lines.append(ts);
  }
}
