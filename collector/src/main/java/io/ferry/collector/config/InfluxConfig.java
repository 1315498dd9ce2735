package io.ferry.collector.config;

import java.net.URI;
import java.time.Duration;

/**
 * The InfluxDB the collector writes to ({@code influxdb:}). In the file all keys sit directly under
 * {@code influxdb:}; here they are grouped by purpose.
 *
 * @param url the server's base URL ({@code influxdb.url}); default {@code http://127.0.0.1:8086}
 * @param api which write API to use ({@code influxdb.api}: {@code auto}, {@code v1} or {@code v2});
 *     default {@code auto}, which asks the server at start-up and refuses to start when it cannot
 *     be reached
 * @param timeout how long one request to InfluxDB may take ({@code influxdb.timeout}); default 10 s
 * @param destination database, retention policy, bucket and organization
 * @param credentials token or user and password
 * @param batching batch size, flush interval and the bound on pending points
 * @param tls CA, client certificate and verification for an {@code https://} URL ({@code
 *     influxdb.tls}); default: the Java runtime's CAs, no client certificate, verified
 */
public record InfluxConfig(
    URI url,
    InfluxApi api,
    Duration timeout,
    InfluxDestination destination,
    InfluxCredentials credentials,
    BatchingConfig batching,
    InfluxTls tls) {

  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8086");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** An InfluxDB reached with the default TLS settings. */
  public InfluxConfig(
      URI url,
      InfluxApi api,
      Duration timeout,
      InfluxDestination destination,
      InfluxCredentials credentials,
      BatchingConfig batching) {
    this(url, api, timeout, destination, credentials, batching, InfluxTls.DEFAULTS);
  }

  public static InfluxConfig defaults() {
    return new InfluxConfig(
        DEFAULT_URL,
        InfluxApi.AUTO,
        DEFAULT_TIMEOUT,
        InfluxDestination.defaults(),
        InfluxCredentials.none(),
        BatchingConfig.defaults());
  }

  /** The URL of an endpoint of the server, e.g. {@code endpoint("/write")}. */
  public String endpoint(String path) {
    String base = url.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
