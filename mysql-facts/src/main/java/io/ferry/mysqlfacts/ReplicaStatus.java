package io.ferry.mysqlfacts;

import java.util.Optional;

/**
 * The statement that lists a server's replication channels, one row per channel, by version:
 *
 * <ul>
 *   <li>MariaDB 10.5.1+: {@code SHOW ALL REPLICAS STATUS}; MariaDB 10.0 to 10.5.0: {@code SHOW ALL
 *       SLAVES STATUS} (both one row per named connection, with {@code Master_*} / {@code Slave_*}
 *       column names and {@code Gtid_Slave_Pos}); older MariaDB has no multi-source statement;
 *   <li>MySQL 8.0.22+: {@code SHOW REPLICA STATUS} with {@code Source_*} / {@code Replica_*} names;
 *       older MySQL: {@code SHOW SLAVE STATUS} with {@code Master_*} / {@code Slave_*} names.
 * </ul>
 *
 * <p>{@link ReplicaStatusColumn} names each column in every spelling.
 */
public final class ReplicaStatus {

  /** MariaDB's multi-source replication, and with it {@code SHOW ALL SLAVES STATUS}. */
  public static final ServerVersion MARIADB_MULTI_SOURCE = ServerVersion.of(10, 0, 0);

  /** MariaDB accepts {@code REPLICA} for {@code SLAVE} from here on. */
  public static final ServerVersion MARIADB_REPLICA_KEYWORD = ServerVersion.of(10, 5, 1);

  /** MySQL renamed {@code SLAVE} to {@code REPLICA} and {@code MASTER} to {@code SOURCE} here. */
  public static final ServerVersion MYSQL_REPLICA_KEYWORD = ServerVersion.of(8, 0, 22);

  private ReplicaStatus() {}

  /** The statement for this server; empty for MariaDB before 10.0 (no multi-source statement). */
  public static Optional<String> statement(ServerDialect server) {
    if (server.mariaDb()) {
      if (!server.version().atLeast(MARIADB_MULTI_SOURCE)) {
        return Optional.empty();
      }
      return Optional.of(
          server.version().atLeast(MARIADB_REPLICA_KEYWORD)
              ? "SHOW ALL REPLICAS STATUS"
              : "SHOW ALL SLAVES STATUS");
    }
    return Optional.of(
        server.version().atLeast(MYSQL_REPLICA_KEYWORD)
            ? "SHOW REPLICA STATUS"
            : "SHOW SLAVE STATUS");
  }

  /**
   * Whether MySQL reports this server's columns with the {@code Source_} / {@code Replica_} names.
   */
  public static boolean usesSourceNames(ServerDialect server) {
    return server.is(Flavor.MYSQL, MYSQL_REPLICA_KEYWORD);
  }
}
