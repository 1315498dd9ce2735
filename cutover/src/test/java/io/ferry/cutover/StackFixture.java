package io.ferry.cutover;

import static org.awaitility.Awaitility.await;

import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** The shared four-server test stack as a {@link ClusterTopology}, plus helpers for tests. */
public final class StackFixture {

  private StackFixture() {}

  /** The shared stack, started on first use. */
  public static MigrationStack stack() {
    return SharedStack.get();
  }

  /** Old primary and replica, new primary and replica, all as the admin account. */
  public static ClusterTopology topology() {
    MigrationStack stack = stack();
    return new ClusterTopology(
        List.of(
            node("old-primary", Node.PRIMARY, stack.oldPrimary()),
            node("old-replica", Node.REPLICA, stack.oldReplica())),
        List.of(
            node("new-primary", Node.PRIMARY, stack.newPrimary()),
            node("new-replica", Node.REPLICA, stack.newReplica())));
  }

  /** How long helpers here wait for replication to catch up: 20 s. */
  private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(20);

  /** Waits (at most 20 s) until every replica applied what was written so far. */
  public static void awaitReplication() {
    stack().awaitReplicationCaughtUp(REPLICATION_TIMEOUT);
  }

  /**
   * Waits (at most 20 s) until a comparison waits on {@code server} for a GTID position ({@code
   * MASTER_GTID_WAIT} in its process list), e.g. while its SQL thread is stopped.
   */
  public static void awaitGtidWaitOn(LocalMariaDb server) {
    await()
        .atMost(REPLICATION_TIMEOUT)
        .until(
            () ->
                Integer.parseInt(
                        query(
                            server,
                            "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                                + " WHERE INFO LIKE 'SELECT MASTER_GTID_WAIT%'"))
                    > 0);
  }

  /** One value from the server, as text. */
  public static String query(LocalMariaDb server, String sql) throws SQLException {
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /**
   * Creates a database on the old primary (it replicates everywhere), runs {@code statements} in it
   * and waits for them; a database of the same name is first dropped safely (see {@link
   * MigrationStack#dropDatabase}).
   */
  public static void createDatabase(String database, String... statements) {
    stack().recreateDatabase(database, REPLICATION_TIMEOUT, statements);
  }

  /**
   * Drops a database through the old primary once every server has applied all writes to it, and
   * waits until the drop has replicated everywhere.
   */
  public static void dropDatabase(String database) {
    stack().dropDatabase(database, REPLICATION_TIMEOUT);
  }

  /**
   * Runs statements on the new primary without binary logging, so they stay there: the way drift is
   * injected.
   */
  public static void onNewPrimaryOnly(String database, String... statements) {
    String[] all = new String[statements.length + 2];
    all[0] = "SET SESSION sql_log_bin = 0";
    all[1] = "USE " + database;
    System.arraycopy(statements, 0, all, 2, statements.length);
    stack().newPrimary().execute(all);
  }

  private static Node node(String name, NodeRole role, LocalMariaDb server) {
    return new Node(
        name, role, server.jdbcUrl(""), MigrationStack.ADMIN_USER, MigrationStack.ADMIN_PASSWORD);
  }
}
