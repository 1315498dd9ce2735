package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.mysqlfacts.ServerVersion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes this server's heartbeat row, as {@code pt-heartbeat --update --utc} does: {@code ts} is
 * the server's own UTC time with microseconds, and {@code file}, {@code position}, {@code
 * relay_master_log_file}, {@code exec_master_log_pos} come from its binary log and replica status.
 *
 * <p>The agent writes once per collection (the agent's interval, 10 s by default), not every second
 * like pt-heartbeat: a replica's heartbeat lag therefore includes up to one interval of the
 * writer's cadence, and alert thresholds must sit above it. Where one-second resolution matters,
 * run {@code pt-heartbeat --update --utc} instead and let the agent only read.
 *
 * <p>The row is written with {@code INSERT ... ON DUPLICATE KEY UPDATE}, which needs only {@code
 * INSERT, UPDATE} on the table ({@code REPLACE} would need {@code DELETE} too). A read-only server
 * is skipped, like {@code pt-heartbeat --check-read-only}, so that agents on both primaries of a
 * master/master pair can be set to write and only the writable one does.
 */
final class HeartbeatWriter {

  private static final ServerVersion MYSQL_SUPER_READ_ONLY = ServerVersion.of(5, 7, 8);
  private static final ServerVersion MYSQL_REPLICA_KEYWORD = ServerVersion.of(8, 0, 22);
  private static final ServerVersion MYSQL_BINARY_LOG_STATUS = ServerVersion.of(8, 2, 0);
  private static final ServerVersion MARIADB_REPLICA_KEYWORD = ServerVersion.of(10, 5, 1);

  private final HeartbeatTable table;
  private final HeartbeatSetupHint hint;

  HeartbeatWriter(HeartbeatTable table, HeartbeatSetupHint hint) {
    this.table = table;
    this.hint = hint;
  }

  /**
   * Writes the row, unless the server is read-only.
   *
   * @throws SQLException when a statement fails; {@link #explain} says what to do about it
   * @throws UnexpectedValueException when the server's id or time cannot be read
   */
  void write(ServerConnection connection, ServerInfo server) throws SQLException {
    Row clock = single(connection.query(clockStatement(server)));
    if (clock.bool("read_only").orElse(false) || clock.bool("super_read_only").orElse(false)) {
      return;
    }
    HeartbeatRow row =
        HeartbeatRow.of(
            clock,
            connection.query(binlogStatusStatement(server)),
            connection.query(replicaStatusStatement(server)));
    connection.update(upsertStatement(), parameters(row));
  }

  /** The reason a write failed, with the statements that fix a missing table or grant. */
  String explain(SQLException failure) {
    return hint.explain(failure);
  }

  /**
   * The writer's {@code server_id}, read-only state and UTC time in pt-heartbeat's format, taken
   * from the server's clock so that writer and reader compare server clocks only.
   */
  static String clockStatement(ServerInfo server) {
    String superReadOnly =
        server.is(Flavor.MYSQL, MYSQL_SUPER_READ_ONLY)
            ? ", @@super_read_only AS super_read_only"
            : "";
    return "SELECT @@server_id AS server_id, @@read_only AS read_only"
        + superReadOnly
        + ", DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%f') AS ts";
  }

  static String binlogStatusStatement(ServerInfo server) {
    return server.is(Flavor.MYSQL, MYSQL_BINARY_LOG_STATUS)
        ? "SHOW BINARY LOG STATUS"
        : "SHOW MASTER STATUS";
  }

  /** The unnamed channel only, as pt-heartbeat reads it. */
  static String replicaStatusStatement(ServerInfo server) {
    boolean replicaKeyword =
        server.is(Flavor.MYSQL, MYSQL_REPLICA_KEYWORD)
            || server.is(Flavor.MARIADB, MARIADB_REPLICA_KEYWORD);
    return replicaKeyword ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
  }

  /** Insert the row, or update every column but the key; parameters from {@link #parameters}. */
  String upsertStatement() {
    return "INSERT INTO "
        + table.sqlName()
        + " (ts, server_id, file, position, relay_master_log_file, exec_master_log_pos)"
        + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ts = ?, file = ?, position = ?,"
        + " relay_master_log_file = ?, exec_master_log_pos = ?";
  }

  static List<Object> parameters(HeartbeatRow row) {
    var parameters = new ArrayList<Object>(row.values());
    parameters.add(row.ts());
    parameters.add(row.file());
    parameters.add(row.position());
    parameters.add(row.relayMasterLogFile());
    parameters.add(row.execMasterLogPos());
    return parameters;
  }

  private static Row single(List<Row> rows) {
    if (rows.size() != 1) {
      throw new UnexpectedValueException(
          "SELECT @@server_id, ... returned " + rows.size() + " rows instead of one");
    }
    return rows.get(0);
  }
}
