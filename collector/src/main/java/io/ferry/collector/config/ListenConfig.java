package io.ferry.collector.config;

/**
 * Where the collector's HTTP server listens ({@code listen:}).
 *
 * @param host the address to bind ({@code host}); default {@code 127.0.0.1}, use {@code 0.0.0.0} to
 *     accept agents from other hosts
 * @param port the TCP port ({@code port}); default {@value #DEFAULT_PORT} (Telegraf's InfluxDB
 *     listener port, so that the collector and InfluxDB can share a host); {@code 0} picks any free
 *     port
 */
public record ListenConfig(String host, int port) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8186;

  public static ListenConfig defaults() {
    return new ListenConfig(DEFAULT_HOST, DEFAULT_PORT);
  }
}
