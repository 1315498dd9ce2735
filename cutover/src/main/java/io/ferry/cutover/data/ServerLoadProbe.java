package io.ferry.cutover.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Reads {@link ServerLoad} from the servers: {@code Threads_running} of the primaries and the
 * largest {@code Seconds_Behind_Master} of every node's running replication channels (a stopped
 * channel reports NULL and is left to the replication checks).
 */
public final class ServerLoadProbe implements LoadProbe {

  private final List<Connection> primaries;
  private final List<Connection> allNodes;
  private final boolean mariaDb;

  /**
   * @param primaries connections to the two primaries
   * @param allNodes connections to every node (replication lag is read from each)
   * @param mariaDb whether the servers are MariaDB
   */
  public ServerLoadProbe(List<Connection> primaries, List<Connection> allNodes, boolean mariaDb) {
    this.primaries = List.copyOf(primaries);
    this.allNodes = List.copyOf(allNodes);
    this.mariaDb = mariaDb;
  }

  @Override
  public ServerLoad read() throws SQLException {
    int threads = 0;
    for (Connection connection : primaries) {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_running'")) {
        if (rows.next()) {
          threads = Math.max(threads, Integer.parseInt(rows.getString(2)));
        }
      }
    }
    long lag = 0;
    for (Connection connection : allNodes) {
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(mariaDb ? "SHOW ALL SLAVES STATUS" : "SHOW REPLICA STATUS")) {
        while (rows.next()) {
          String value =
              rows.getString(mariaDb ? "Seconds_Behind_Master" : "Seconds_Behind_Source");
          if (value != null) {
            lag = Math.max(lag, Long.parseLong(value));
          }
        }
      }
    }
    return new ServerLoad(threads, lag);
  }
}
