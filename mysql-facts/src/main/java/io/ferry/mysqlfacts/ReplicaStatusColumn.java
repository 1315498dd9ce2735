package io.ferry.mysqlfacts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of {@link ReplicaStatus#statement replica status} that Ferry reads, with each
 * spelling: MySQL 8.0.22+ ({@code Source_*} / {@code Replica_*}), MySQL before 8.0.22 and MariaDB
 * ({@code Master_*} / {@code Slave_*}; MariaDB kept these names when it added the {@code REPLICA}
 * keyword), and MariaDB's own ({@code Connection_name}, {@code Gtid_Slave_Pos}).
 */
public enum ReplicaStatusColumn {
  /** The channel (MySQL) or connection (MariaDB) name; empty for the default one. */
  CHANNEL("Channel_Name", "Channel_Name", "Connection_name"),
  /** The host the channel replicates from. */
  SOURCE_HOST("Source_Host", "Master_Host", "Master_Host"),
  /** The port the channel replicates from. */
  SOURCE_PORT("Source_Port", "Master_Port", "Master_Port"),
  /** {@code Yes}, {@code No} or {@code Connecting}: the receiver (I/O) thread. */
  IO_RUNNING("Replica_IO_Running", "Slave_IO_Running", "Slave_IO_Running"),
  /** {@code Yes} or {@code No}: the applier (SQL) thread. */
  SQL_RUNNING("Replica_SQL_Running", "Slave_SQL_Running", "Slave_SQL_Running"),
  /** The server's lag estimate in seconds; NULL while a thread is stopped or reconnecting. */
  SECONDS_BEHIND("Seconds_Behind_Source", "Seconds_Behind_Master", "Seconds_Behind_Master"),
  /** The {@code server_id} of the source; 0 while the receiver has never connected. */
  SOURCE_SERVER_ID("Source_Server_Id", "Master_Server_Id", "Master_Server_Id"),
  /** The receiver's last error, empty when none. */
  LAST_IO_ERROR("Last_IO_Error", "Last_IO_Error", "Last_IO_Error"),
  /** The applier's last error, empty when none. */
  LAST_SQL_ERROR("Last_SQL_Error", "Last_SQL_Error", "Last_SQL_Error"),
  /** The GTIDs executed: MySQL's set, MariaDB's replica position. */
  EXECUTED_GTIDS("Executed_Gtid_Set", "Executed_Gtid_Set", "Gtid_Slave_Pos");

  private final String mySql;
  private final String mySqlBefore8022;
  private final String mariaDb;

  ReplicaStatusColumn(String mySql, String mySqlBefore8022, String mariaDb) {
    this.mySql = mySql;
    this.mySqlBefore8022 = mySqlBefore8022;
    this.mariaDb = mariaDb;
  }

  /** The column's name on this server. */
  public String name(ServerDialect server) {
    if (server.mariaDb()) {
      return mariaDb;
    }
    return ReplicaStatus.usesSourceNames(server) ? mySql : mySqlBefore8022;
  }

  /** Every spelling, newest first, without repeats. */
  public List<String> names() {
    return List.copyOf(new LinkedHashSet<>(List.of(mySql, mySqlBefore8022, mariaDb)));
  }

  /**
   * The value of this column in a row whose keys are lower-case column names, under whichever
   * spelling the row has; null when absent or NULL.
   */
  public String valueIn(Map<String, String> rowByLowerCaseName) {
    for (String name : names()) {
      String value = rowByLowerCaseName.get(name.toLowerCase(Locale.ROOT));
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
