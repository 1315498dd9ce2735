package io.ferry.agent.input.mysql;

import io.ferry.agent.input.Accumulator;
import io.ferry.agent.input.MetricSource;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads one MySQL or MariaDB server over JDBC: the {@code mysql} point (version, variables,
 * counters, GTID state), one {@code mysql_replication} point per replication channel, and {@code
 * mysql_up}.
 *
 * <p>Each family of queries is a {@link ServerQuery} that knows which servers it applies to; one
 * that fails (a missing grant, a timeout) is reported with {@link Accumulator#addError} and its
 * fields are left out, while the others go on. When the server cannot be reached at all, {@link
 * #collect} writes {@code mysql_up up=false} with the reason, then throws, so a dead server is
 * never a silent gap. Every point carries the tags {@code server} and {@code flavor} (the latter
 * once the server has been seen) and the configured extra tags.
 *
 * <p>{@link #collect} blocks on JDBC: call it from a worker pool, never on an event loop.
 */
public final class MySqlSource implements MetricSource {

  private static final GlobalVariablesQuery VARIABLES = new GlobalVariablesQuery();
  private static final GlobalStatusQuery STATUS = new GlobalStatusQuery();
  private static final ReplicaStatusQuery REPLICAS = new ReplicaStatusQuery();

  private final MySqlSourceConfig config;
  private final ServerConnection connection;
  private Flavor lastSeenFlavor;

  public MySqlSource(MySqlSourceConfig config) {
    this.config = config;
    this.connection = new ServerConnection(config);
  }

  @Override
  public String name() {
    return "mysql:" + config.name();
  }

  @Override
  public void collect(Accumulator accumulator) throws MySqlSourceException {
    ServerInfo server;
    try {
      server = connection.open();
    } catch (SQLException e) {
      throw unreachable(accumulator, "cannot connect", e);
    } catch (UnexpectedValueException e) {
      throw unreachable(accumulator, "cannot tell the server version", e);
    }
    lastSeenFlavor = server.flavor();
    Map<String, String> tags = tags();
    var points = new ArrayList<Point>();
    try {
      Map<String, FieldValue> variables = read(VARIABLES, server, accumulator).orElse(Map.of());
      Map<String, FieldValue> status = read(STATUS, server, accumulator).orElse(Map.of());
      Optional<List<Point>> channels = read(REPLICAS, server, accumulator);
      channels.ifPresent(points::addAll);
      points.add(
          ServerPoint.mysql(
              server,
              variables,
              status,
              channels.map(list -> OptionalInt.of(list.size())).orElse(OptionalInt.empty())));
    } catch (SQLException e) {
      connection.close();
      throw unreachable(accumulator, "connection lost", e);
    }
    points.add(ServerPoint.up());
    points.forEach(point -> accumulator.add(point.withDefaultTags(tags)));
  }

  @Override
  public void close() {
    connection.close();
  }

  /**
   * Runs one query family; a failure that leaves the connection usable is reported and gives
   * nothing.
   *
   * @throws SQLException only when the connection itself is gone
   */
  private <T> Optional<T> read(ServerQuery<T> query, ServerInfo server, Accumulator accumulator)
      throws SQLException {
    if (!query.supports(server)) {
      return Optional.empty();
    }
    try {
      return Optional.of(query.parse(connection.query(query.statement(server)), server));
    } catch (SQLException e) {
      if (connection.isBroken()) {
        throw e;
      }
      accumulator.addError(describe() + ": " + query.name() + ": " + e.getMessage(), e);
    } catch (UnexpectedValueException e) {
      accumulator.addError(describe() + ": " + query.name() + ": " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  private MySqlSourceException unreachable(Accumulator accumulator, String what, Exception cause) {
    String error = what + ": " + reason(cause);
    accumulator.add(ServerPoint.down(error).withDefaultTags(tags()));
    return new MySqlSourceException(describe() + ": " + error, cause);
  }

  private Map<String, String> tags() {
    var tags = new TreeMap<>(config.tags());
    tags.put("server", config.name());
    if (lastSeenFlavor != null) {
      tags.put("flavor", lastSeenFlavor.tagValue());
    }
    return tags;
  }

  private String describe() {
    return "mysql " + config.name() + " (" + config.host() + ":" + config.port() + ")";
  }

  /**
   * The innermost cause says what really happened ("Connection refused"), not the driver's wrap.
   */
  private static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof UnknownHostException) {
      return "unknown host " + root.getMessage();
    }
    String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
    return FieldText.oneLine(message != null ? message : root.getClass().getSimpleName());
  }
}
