package io.ferry.agent.input.canary;

import io.ferry.agent.input.Accumulator;
import io.ferry.agent.input.Input;
import io.ferry.agent.input.histogram.LatencyHistogram;
import io.ferry.lineprotocol.Point;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A MySQL canary ({@code inputs.canary}): at every collection, runs the configured statement on a
 * connection of its own (opened when needed, kept between collections), reads every row, and writes
 * a {@code mysql_canary} point (success, time, rows or the error), the cumulative {@code
 * mysql_canary_duration} histogram of successful and timed-out runs and the cumulative {@code
 * mysql_canaries} counters. Blocking (JDBC): the agent calls it on a worker.
 */
public final class MySqlCanary implements Input {

  public static final String MEASUREMENT = "mysql_canary";
  public static final String DURATION_MEASUREMENT = "mysql_canary_duration";
  public static final String COUNT_MEASUREMENT = "mysql_canaries";

  private final CanaryConfig config;
  private final Map<String, String> tags;
  private final LatencyHistogram histogram;
  private Connection connection;
  private long total;
  private long ok;

  public MySqlCanary(CanaryConfig config) {
    this.config = config;
    var all = new TreeMap<>(config.tags());
    all.put("canary", config.name());
    this.tags = Map.copyOf(all);
    this.histogram = new LatencyHistogram(config.buckets());
  }

  @Override
  public String name() {
    return "canary:" + config.name();
  }

  /**
   * Runs the statement once. A failure (no connection, a refused login, a failing or timed-out
   * statement) is a {@code mysql_canary} point with {@code success=false} and the error, and is
   * also reported as an error of this input.
   */
  @Override
  public void collect(Accumulator accumulator) {
    var point = Point.builder(MEASUREMENT).tags(tags);
    total++;
    String phase = "connect";
    try {
      if (connection == null || connection.isClosed()) {
        long connectStart = System.nanoTime();
        connection = open();
        point.field("connect_seconds", (System.nanoTime() - connectStart) / 1e9);
      }
      phase = "statement";
      long start = System.nanoTime();
      long rows;
      try {
        rows = run(connection);
      } catch (SQLTimeoutException e) {
        histogram.recordNanos(System.nanoTime() - start);
        point.field("duration_seconds", (System.nanoTime() - start) / 1e9);
        throw e;
      }
      long elapsed = System.nanoTime() - start;
      histogram.recordNanos(elapsed);
      ok++;
      point.field("success", true).field("duration_seconds", elapsed / 1e9).field("rows", rows);
    } catch (SQLException e) {
      String error = errorText(e);
      point.field("success", false).field("failure", phase).field("error", error);
      accumulator.addError(phase, new CanaryFailedException(error));
      if (phase.equals("connect") || isConnectionError(e)) {
        close();
      }
    }
    accumulator.add(point.build());
    accumulator.add(histogram.snapshot().toPoint(DURATION_MEASUREMENT, tags));
    accumulator.add(
        Point.builder(COUNT_MEASUREMENT).tags(tags).field("total", total).field("ok", ok).build());
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The connection is being dropped anyway; there is nothing left to release.
      }
      connection = null;
    }
  }

  private Connection open() throws SQLException {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    var properties = new Properties();
    properties.setProperty("user", config.user());
    properties.setProperty("password", config.password());
    properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
    Duration socketTimeout = config.queryTimeout().plus(config.connectTimeout());
    properties.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
    properties.setProperty("connectionAttributes", "program_name:ferry-agent-canary");
    return DriverManager.getConnection(
        "jdbc:mysql://" + host + ":" + config.port() + "/" + config.database(), properties);
  }

  private long run(Connection on) throws SQLException {
    try (Statement statement = on.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, (config.queryTimeout().toMillis() + 999) / 1000));
      long rows = 0;
      if (statement.execute(config.statement())) {
        try (ResultSet results = statement.getResultSet()) {
          while (results.next()) {
            rows++;
          }
        }
      } else {
        rows = Math.max(0, statement.getUpdateCount());
      }
      return rows;
    }
  }

  /** The error on one line, with the password removed should the driver ever echo it. */
  private String errorText(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (!config.password().isEmpty()) {
      message = message.replace(config.password(), "****");
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  private static boolean isConnectionError(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  /** A canary that failed, as reported to the agent (the message is already safe to log). */
  static final class CanaryFailedException extends Exception {
    CanaryFailedException(String message) {
      super(message, null, false, false);
    }
  }
}
