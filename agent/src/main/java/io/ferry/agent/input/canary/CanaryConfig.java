package io.ferry.agent.input.canary;

import io.ferry.agent.input.histogram.SloBuckets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code inputs.canary}: a statement run on a MySQL or MariaDB server at every
 * collection and timed, as a client of the service would see it.
 *
 * @param name tag {@code canary} on every point; unique among the canaries (required)
 * @param host the server's host name or address (default 127.0.0.1)
 * @param port the server's port (default 3306)
 * @param user the login (required)
 * @param password the password (default none; or {@code password_file})
 * @param database the default database of the connection (default none)
 * @param statement the statement run and timed, e.g. {@code SELECT id FROM shop.orders ORDER BY id
 *     DESC LIMIT 1} (required)
 * @param connectTimeout how long opening the connection may take (default 5 s)
 * @param queryTimeout how long the statement may run before it is cancelled (default 5 s)
 * @param buckets the boundaries of {@code mysql_canary_duration} (default {@link
 *     SloBuckets#DEFAULT})
 * @param tags extra tags on this canary's points (default none)
 */
public record CanaryConfig(
    String name,
    String host,
    int port,
    String user,
    String password,
    String database,
    String statement,
    Duration connectTimeout,
    Duration queryTimeout,
    SloBuckets buckets,
    Map<String, String> tags) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 3306;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

  public CanaryConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(buckets, "buckets");
    tags = Map.copyOf(tags);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "CanaryConfig[name=" + name + ", " + user + "@" + host + ":" + port + "]";
  }
}
