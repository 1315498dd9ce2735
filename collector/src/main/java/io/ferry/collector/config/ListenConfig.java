package io.ferry.collector.config;

import java.util.Optional;

/**
 * Where the collector's HTTP server listens ({@code listen:}).
 *
 * @param host the address to bind ({@code host}); default {@code 127.0.0.1}, use {@code 0.0.0.0} to
 *     accept agents from other hosts
 * @param port the TCP port ({@code port}); default {@value #DEFAULT_PORT} (Telegraf's InfluxDB
 *     listener port, so that the collector and InfluxDB can share a host); {@code 0} picks any free
 *     port
 * @param tls certificate and key for HTTPS ({@code tls}); default none (plain HTTP)
 */
public record ListenConfig(String host, int port, Optional<ListenTls> tls) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8186;

  /** Plain HTTP. */
  public ListenConfig(String host, int port) {
    this(host, port, Optional.empty());
  }

  public static ListenConfig defaults() {
    return new ListenConfig(DEFAULT_HOST, DEFAULT_PORT);
  }

  /** {@code https} or {@code http}. */
  public String scheme() {
    return tls.isPresent() ? "https" : "http";
  }
}
