package io.ferry.agent.input.mysql;

import io.ferry.lineprotocol.Point;
import io.ferry.mysqlfacts.ReplicaStatus;
import io.ferry.mysqlfacts.ServerDialect;
import java.util.List;
import java.util.Optional;

/**
 * Reads every replication channel and writes one {@code mysql_replication} point per channel.
 *
 * <p>The statement depends on the server ({@link ReplicaStatus}). The parser looks each value up
 * under its new name, then its old one, so one parser reads all four shapes.
 *
 * <p>A channel whose lag the server does not know ({@code Seconds_Behind_*} is NULL, e.g. a stopped
 * thread) gets {@code lag_known=false} and no {@code lag_seconds}: never a zero. String fields are
 * left out when the server reports them empty or NULL.
 */
final class ReplicaStatusQuery implements ServerQuery<List<Point>> {

  static final String MEASUREMENT = "mysql_replication";

  /** The channel tag of MySQL's unnamed channel and MariaDB's unnamed connection. */
  static final String DEFAULT_CHANNEL = "default";

  @Override
  public String name() {
    return "replica status";
  }

  @Override
  public boolean supports(ServerInfo server) {
    return ReplicaStatus.statement(dialect(server)).isPresent();
  }

  @Override
  public String statement(ServerInfo server) {
    return ReplicaStatus.statement(dialect(server))
        .orElseThrow(() -> new IllegalStateException("no replica status statement on " + server));
  }

  private static ServerDialect dialect(ServerInfo server) {
    return new ServerDialect(server.flavor(), server.version());
  }

  @Override
  public List<Point> parse(List<Row> rows, ServerInfo server) {
    return rows.stream().map(ReplicaStatusQuery::toPoint).toList();
  }

  private static Point toPoint(Row row) {
    ThreadState io = threadState(row, "Replica_IO_Running", "Slave_IO_Running");
    ThreadState sql = threadState(row, "Replica_SQL_Running", "Slave_SQL_Running");
    long ioErrno = row.integer("Last_IO_Errno").orElse(0);
    long sqlErrno = row.integer("Last_SQL_Errno").orElse(0);
    var lag = row.integer("Seconds_Behind_Source", "Seconds_Behind_Master");

    var point =
        Point.builder(MEASUREMENT)
            .tag(
                "channel",
                row.nonEmptyText("Channel_Name", "Connection_name").orElse(DEFAULT_CHANNEL))
            .tag("source_host", row.nonEmptyText("Source_Host", "Master_Host").orElse(null))
            .tag("source_port", row.nonEmptyText("Source_Port", "Master_Port").orElse(null))
            .field(
                "state", ReplicationState.of(io, sql, ioErrno != 0 || sqlErrno != 0).fieldValue())
            .field("io_running", io.isRunning())
            .field("sql_running", sql.isRunning())
            .field("io_state", io.fieldValue())
            .field("sql_state", sql.fieldValue())
            .field("lag_known", lag.isPresent());
    lag.ifPresent(seconds -> point.field("lag_seconds", (double) seconds));
    row.integer("Last_IO_Errno").ifPresent(v -> point.field("last_io_errno", v));
    row.integer("Last_SQL_Errno").ifPresent(v -> point.field("last_sql_errno", v));
    row.nonEmptyText("Last_IO_Error")
        .ifPresent(v -> point.field("last_io_error", FieldText.oneLine(v)));
    row.nonEmptyText("Last_SQL_Error")
        .ifPresent(v -> point.field("last_sql_error", FieldText.oneLine(v)));
    row.integer("Relay_Log_Space").ifPresent(v -> point.field("relay_log_space", v));
    row.integer("Read_Source_Log_Pos", "Read_Master_Log_Pos")
        .ifPresent(v -> point.field("read_source_log_pos", v));
    row.integer("Exec_Source_Log_Pos", "Exec_Master_Log_Pos")
        .ifPresent(v -> point.field("exec_source_log_pos", v));
    row.nonEmptyText("Source_Log_File", "Master_Log_File")
        .ifPresent(v -> point.field("source_log_file", v));
    row.nonEmptyText("Relay_Source_Log_File", "Relay_Master_Log_File")
        .ifPresent(v -> point.field("relay_source_log_file", v));
    usingGtid(row).ifPresent(v -> point.field("using_gtid", v));
    gtids(row, "Retrieved_Gtid_Set", "Gtid_IO_Pos")
        .ifPresent(v -> point.field("retrieved_gtid_set", v));
    gtids(row, "Executed_Gtid_Set", "Gtid_Slave_Pos")
        .ifPresent(v -> point.field("executed_gtid_set", v));
    row.integer("Source_Server_Id", "Master_Server_Id")
        .ifPresent(v -> point.field("source_server_id", v));
    row.integer("SQL_Delay").ifPresent(v -> point.field("sql_delay", v));
    return point.build();
  }

  private static ThreadState threadState(Row row, String newName, String oldName) {
    String column = row.has(newName) ? newName : oldName;
    return ThreadState.parse(column, row.text(column).orElse(null));
  }

  /** MariaDB says {@code Slave_Pos}, {@code Current_Pos} or {@code No}; MySQL has a 0/1 flag. */
  private static Optional<String> usingGtid(Row row) {
    if (row.has("Using_Gtid")) {
      return row.nonEmptyText("Using_Gtid");
    }
    return row.bool("Auto_Position").map(on -> on ? "ON" : "OFF");
  }

  private static Optional<String> gtids(Row row, String... columns) {
    return row.text(columns).map(FieldText::compactGtids).filter(v -> !v.isEmpty());
  }
}
