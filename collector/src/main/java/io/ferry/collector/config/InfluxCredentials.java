package io.ferry.collector.config;

import java.util.Optional;

/**
 * How the collector authenticates to InfluxDB. Each value may instead be read from a file named by
 * the same key with {@code _file} appended (e.g. {@code token_file}). None of them is ever logged
 * or shown by {@link #toString()}.
 *
 * @param token the v2 API token ({@code influxdb.token}); default none
 * @param username the v1 user ({@code influxdb.username}); default none (no authentication)
 * @param password the v1 password ({@code influxdb.password}); default none
 */
public record InfluxCredentials(String token, String username, String password) {

  public static InfluxCredentials none() {
    return new InfluxCredentials(null, null, null);
  }

  /**
   * The token for the v2 API: {@link #token()}, or {@code username:password}, the form InfluxDB 1.8
   * accepts on its v2 compatibility API.
   */
  public Optional<String> v2Token() {
    if (token != null) {
      return Optional.of(token);
    }
    if (username != null) {
      return Optional.of(username + ":" + (password == null ? "" : password));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "InfluxCredentials[token="
        + (token == null ? "none" : "<redacted>")
        + ", username="
        + (username == null ? "none" : username)
        + ", password="
        + (password == null ? "none" : "<redacted>")
        + "]";
  }
}
