package io.ferry.collector.influx;

import io.ferry.collector.config.InfluxApi;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks InfluxDB which write API it speaks: {@code GET /ping} answers with an {@code
 * X-Influxdb-Version} header. InfluxDB 1.x before 1.8 has only {@code /write} (v1); 1.8 and later,
 * 2.x, 3.x and compatible servers accept {@code /api/v2/write} (v2).
 */
public final class InfluxApiDetector {

  private static final Pattern ONE_DOT_MINOR = Pattern.compile("^v?1\\.(\\d+)");

  private final WebClient client;
  private final String pingUrl;
  private final Duration timeout;

  public InfluxApiDetector(WebClient client, String pingUrl, Duration timeout) {
    this.client = client;
    this.pingUrl = pingUrl;
    this.timeout = timeout;
  }

  /**
   * Pings InfluxDB.
   *
   * @return the version header (empty string when the server sends none); fails with {@link
   *     InfluxUnavailableException} naming the URL when the server cannot be reached or does not
   *     answer 2xx
   */
  public Future<String> ping() {
    return client
        .getAbs(pingUrl)
        .timeout(timeout.toMillis())
        .send()
        .recover(
            e ->
                Future.failedFuture(
                    new InfluxUnavailableException(
                        "InfluxDB at " + pingUrl + " is unreachable: " + describe(e), e)))
        .compose(
            response -> {
              if (response.statusCode() / 100 != 2) {
                return Future.failedFuture(
                    new InfluxUnavailableException(
                        "InfluxDB at " + pingUrl + " answered " + response.statusCode()));
              }
              String version = response.getHeader("X-Influxdb-Version");
              return Future.succeededFuture(version == null ? "" : version.trim());
            });
  }

  /** Pings InfluxDB and picks the API from its version. */
  public Future<InfluxServer> detect() {
    return ping().map(version -> new InfluxServer(apiForVersion(version), version));
  }

  /**
   * The write API a server of this version speaks: v1 for {@code 1.0} to {@code 1.7.x}, v2 for
   * everything else ({@code 1.8+}, {@code 2.x}, {@code 3.x}, {@code OSS v2...}, or no version at
   * all, since only old 1.x servers lack the v2 endpoint and they always send their version).
   */
  public static InfluxApi apiForVersion(String version) {
    Matcher m = ONE_DOT_MINOR.matcher(version == null ? "" : version.trim());
    if (m.find()) {
      try {
        return Integer.parseInt(m.group(1)) < 8 ? InfluxApi.V1 : InfluxApi.V2;
      } catch (NumberFormatException e) {
        return InfluxApi.V2;
      }
    }
    return InfluxApi.V2;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    message = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    // "Failed to create SSL connection" alone does not say which certificate check failed
    boolean tls = false;
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      tls |= t instanceof javax.net.ssl.SSLException;
      root = t;
    }
    if (tls && root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += ": " + root.getMessage();
    }
    return message;
  }
}
