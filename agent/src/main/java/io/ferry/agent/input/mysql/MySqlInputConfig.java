package io.ferry.agent.input.mysql;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one monitored MySQL or MariaDB server ({@code inputs.mysql[]} in the agent's YAML).
 *
 * @param name short name of the server, added to every point as tag {@code server} (required)
 * @param host host name or address to connect to (default {@code 127.0.0.1})
 * @param port TCP port (default 3306)
 * @param user a user with read-only monitoring grants: {@code REPLICATION CLIENT}, {@code PROCESS},
 *     on MariaDB 10.5+ {@code SLAVE MONITOR} (required)
 * @param password the user's password; may be empty, never logged
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param queryTimeout how long one query may run before it is cancelled (default 5 s)
 * @param tags extra tags for this server's points (default none)
 * @param heartbeat the pt-heartbeat compatible heartbeat to read (and maybe write) on this server
 *     (default none: no heartbeat fields)
 */
public record MySqlInputConfig(
    String name,
    String host,
    int port,
    String user,
    String password,
    Duration connectTimeout,
    Duration queryTimeout,
    Map<String, String> tags,
    Optional<HeartbeatConfig> heartbeat) {

  public static final int DEFAULT_PORT = 3306;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

  public MySqlInputConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    queryTimeout = queryTimeout == null ? DEFAULT_QUERY_TIMEOUT : queryTimeout;
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    heartbeat = heartbeat == null ? Optional.empty() : heartbeat;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "MySqlInputConfig[name=" + name + ", " + user + "@" + host + ":" + port + "]";
  }
}
