package io.ferry.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The parts of MariaDB's {@code SHOW SLAVE STATUS} that say whether replication runs and, if not,
 * why.
 *
 * @param configured whether the server has a replication source at all
 * @param ioRunning {@code Slave_IO_Running} ({@code Yes}, {@code No} or {@code Connecting})
 * @param sqlRunning {@code Slave_SQL_Running}
 * @param lastIoError {@code Last_IO_Error}
 * @param lastSqlError {@code Last_SQL_Error}
 * @param gtidIoPos {@code Gtid_IO_Pos}: last GTID received from the source
 * @param secondsBehindMaster {@code Seconds_Behind_Master}, null while the SQL thread is stopped
 */
record ReplicaStatus(
    boolean configured,
    String ioRunning,
    String sqlRunning,
    String lastIoError,
    String lastSqlError,
    String gtidIoPos,
    String secondsBehindMaster) {

  /** Reads the status of the server's default replication connection. */
  static ReplicaStatus read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW SLAVE STATUS")) {
      if (!row.next()) {
        return new ReplicaStatus(false, "", "", "", "", "", null);
      }
      return new ReplicaStatus(
          true,
          row.getString("Slave_IO_Running"),
          row.getString("Slave_SQL_Running"),
          row.getString("Last_IO_Error"),
          row.getString("Last_SQL_Error"),
          row.getString("Gtid_IO_Pos"),
          row.getString("Seconds_Behind_Master"));
    }
  }

  /** Whether both replication threads run. */
  boolean running() {
    return "Yes".equals(ioRunning) && "Yes".equals(sqlRunning);
  }

  /** Whether a thread has stopped with an error, which it does not recover from by itself. */
  boolean failed() {
    return ("No".equals(sqlRunning) && !isBlank(lastSqlError))
        || ("No".equals(ioRunning) && !isBlank(lastIoError));
  }

  /** Whether both threads run and neither has an error recorded. */
  boolean healthy() {
    return running() && isBlank(lastIoError) && isBlank(lastSqlError);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  @Override
  public String toString() {
    if (!configured) {
      return "no replication configured";
    }
    return "Slave_IO_Running="
        + ioRunning
        + " Slave_SQL_Running="
        + sqlRunning
        + " Seconds_Behind_Master="
        + secondsBehindMaster
        + " Gtid_IO_Pos="
        + gtidIoPos
        + " Last_IO_Error="
        + lastIoError
        + " Last_SQL_Error="
        + lastSqlError;
  }
}
