package io.ferry.agent.input.mysql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of the heartbeat table as pt-heartbeat {@code --update} writes it.
 *
 * @param ts the writer's time in UTC, {@code 2026-11-25T14:40:01.123456} (pt-heartbeat's format)
 * @param serverId the writer's {@code server_id}, the row's key
 * @param file the writer's current binary log ({@code SHOW MASTER STATUS}), null when it has none
 * @param position the position in that binary log, null when none
 * @param relayMasterLogFile the source's binary log the writer's SQL thread executes ({@code SHOW
 *     SLAVE STATUS}), null when the writer is no replica
 * @param execMasterLogPos the position in it the SQL thread reached, null when no replica
 */
record HeartbeatRow(
    String ts,
    long serverId,
    String file,
    Long position,
    String relayMasterLogFile,
    Long execMasterLogPos) {

  HeartbeatRow {
    Objects.requireNonNull(ts, "ts");
  }

  /**
   * Builds the row from what the writer read.
   *
   * @param clock the one row of {@link HeartbeatWriter#clockStatement}: {@code server_id}, {@code
   *     ts}
   * @param binlogStatus the rows of {@code SHOW MASTER STATUS} (none when binary logging is off)
   * @param replicaStatus the rows of {@code SHOW SLAVE STATUS} (none when not a replica)
   * @throws UnexpectedValueException when the clock row is missing or incomplete
   */
  static HeartbeatRow of(Row clock, List<Row> binlogStatus, List<Row> replicaStatus) {
    long serverId =
        clock
            .integer("server_id")
            .orElseThrow(() -> new UnexpectedValueException("@@server_id is NULL"));
    String ts =
        clock
            .nonEmptyText("ts")
            .orElseThrow(() -> new UnexpectedValueException("UTC time is NULL"));
    Row binlog = binlogStatus.isEmpty() ? null : binlogStatus.get(0);
    Row replica = replicaStatus.isEmpty() ? null : replicaStatus.get(0);
    return new HeartbeatRow(
        ts,
        serverId,
        binlog == null ? null : binlog.nonEmptyText("File").orElse(null),
        binlog == null ? null : boxed(binlog, "Position"),
        replica == null
            ? null
            : replica.nonEmptyText("Relay_Source_Log_File", "Relay_Master_Log_File").orElse(null),
        replica == null ? null : boxed(replica, "Exec_Source_Log_Pos", "Exec_Master_Log_Pos"));
  }

  /** The values in the column order of {@link HeartbeatWriter#upsertStatement}. */
  List<Object> values() {
    return Arrays.asList(ts, serverId, file, position, relayMasterLogFile, execMasterLogPos);
  }

  private static Long boxed(Row row, String... columns) {
    var value = row.integer(columns);
    return value.isPresent() ? value.getAsLong() : null;
  }
}
