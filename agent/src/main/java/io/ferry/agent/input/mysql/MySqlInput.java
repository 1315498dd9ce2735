package io.ferry.agent.input.mysql;

import io.ferry.agent.input.Accumulator;
import io.ferry.agent.input.Input;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.mysqlfacts.Flavor;
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
 * mysql_up}. With a {@link HeartbeatConfig heartbeat} it first writes this server's heartbeat row
 * (when {@code update} is set) and adds the heartbeat lag of each channel to its {@code
 * mysql_replication} point (see {@link HeartbeatLag}).
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
public final class MySqlInput implements Input {

  private static final GlobalVariablesQuery VARIABLES = new GlobalVariablesQuery();
  private static final GlobalStatusQuery STATUS = new GlobalStatusQuery();
  private static final ReplicaStatusQuery REPLICAS = new ReplicaStatusQuery();

  private final MySqlInputConfig config;
  private final ServerConnection connection;
  private final Optional<HeartbeatAgeQuery> heartbeatAges;
  private final Optional<HeartbeatWriter> heartbeatWriter;
  private Flavor lastSeenFlavor;

  public MySqlInput(MySqlInputConfig config) {
    this.config = config;
    this.connection = new ServerConnection(config);
    this.heartbeatAges =
        config.heartbeat().map(h -> new HeartbeatAgeQuery(h.table(), hint(config, h)));
    this.heartbeatWriter =
        config
            .heartbeat()
            .filter(HeartbeatConfig::update)
            .map(h -> new HeartbeatWriter(h.table(), hint(config, h)));
  }

  private static HeartbeatSetupHint hint(MySqlInputConfig config, HeartbeatConfig heartbeat) {
    return new HeartbeatSetupHint(heartbeat.table(), config.user(), heartbeat.update());
  }

  @Override
  public String name() {
    return "mysql:" + config.name();
  }

  @Override
  public void collect(Accumulator accumulator) throws MySqlInputException {
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
      if (heartbeatWriter.isPresent()) {
        writeHeartbeat(heartbeatWriter.get(), server, accumulator);
      }
      Map<String, FieldValue> variables = read(VARIABLES, server, accumulator).orElse(Map.of());
      Map<String, FieldValue> status = read(STATUS, server, accumulator).orElse(Map.of());
      Optional<List<Point>> channels = read(REPLICAS, server, accumulator);
      if (channels.isPresent() && !channels.get().isEmpty() && heartbeatAges.isPresent()) {
        channels = Optional.of(withHeartbeatLag(channels.get(), server, accumulator));
      }
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

  /** The channels with their heartbeat lag; unchanged when the heartbeat table cannot be read. */
  private List<Point> withHeartbeatLag(
      List<Point> channels, ServerInfo server, Accumulator accumulator) throws SQLException {
    long sourceServerId = config.heartbeat().orElseThrow().sourceServerId();
    return read(heartbeatAges.orElseThrow(), server, accumulator)
        .map(ages -> HeartbeatLag.addTo(channels, ages, sourceServerId))
        .orElse(channels);
  }

  /**
   * Writes this server's heartbeat row; a failure is reported and the collection goes on.
   *
   * @throws SQLException only when the connection itself is gone
   */
  private void writeHeartbeat(HeartbeatWriter writer, ServerInfo server, Accumulator accumulator)
      throws SQLException {
    try {
      writer.write(connection, server);
    } catch (SQLException e) {
      if (connection.isBroken()) {
        throw e;
      }
      accumulator.addError(describe() + ": heartbeat update: " + writer.explain(e), e);
    } catch (UnexpectedValueException e) {
      accumulator.addError(describe() + ": heartbeat update: " + e.getMessage(), e);
    }
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
      accumulator.addError(describe() + ": " + query.name() + ": " + query.explain(e), e);
    } catch (UnexpectedValueException e) {
      accumulator.addError(describe() + ": " + query.name() + ": " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  private MySqlInputException unreachable(Accumulator accumulator, String what, Exception cause) {
    String error = what + ": " + reason(cause);
    accumulator.add(ServerPoint.down(error).withDefaultTags(tags()));
    return new MySqlInputException(describe() + ": " + error, cause);
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
