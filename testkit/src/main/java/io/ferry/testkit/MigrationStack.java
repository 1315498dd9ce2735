package io.ferry.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One InfluxDB and four MariaDB servers joined as in a datacenter move, in its phase before the
 * cutover:
 *
 * <pre>
 * old-primary (server_id 1, domain 1, writable)  &lt;==&gt;  new-primary (server_id 3, domain 3, read_only)
 *      |                                                  |
 *      v                                                  v
 * old-replica (server_id 2, domain 2, read_only)     new-replica (server_id 4, domain 4, read_only)
 * </pre>
 *
 * <p>The old replica replicates from the old primary, the new replica from the new primary, and the
 * two primaries replicate from each other (master/master, GTID {@code slave_pos}). Exactly one side
 * takes writes before the cutover, so the new primary is {@code read_only}; the cutover flips that.
 * The primaries generate auto-increment ids with step 2 (odd on the old side, even on the new side)
 * so that both may write during a cutover without key clashes. Every server logs binary logs in ROW
 * format, logs what it applies ({@code log_slave_updates}), and reports {@code 127.0.0.1} and its
 * port to its source, as pt-table-checksum expects.
 *
 * <p>Accounts on every server, created with {@code sql_log_bin = 0} so that no server replays
 * another's {@code CREATE USER}, all at host {@code 127.0.0.1}:
 *
 * <ul>
 *   <li>{@link #ADMIN_USER}: all privileges (including {@code READ_ONLY ADMIN}, so it can write on
 *       the read-only servers);
 *   <li>{@link #AGENT_USER}: the read-only monitoring account of the Ferry agent, see there;
 *   <li>{@link #REPLICATION_USER}: {@code REPLICATION SLAVE}, used by the replication channels.
 * </ul>
 *
 * <p>State directory layout: {@code <stateDir>/influxdb/} (see {@link LocalInfluxDb}) and {@code
 * <stateDir>/old-primary/}, {@code old-replica/}, {@code new-primary/}, {@code new-replica/} (see
 * {@link LocalMariaDb}).
 */
public final class MigrationStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationStack.class);

  /** Admin account on every server; see {@link LocalMariaDb#ADMIN_USER}. */
  public static final String ADMIN_USER = LocalMariaDb.ADMIN_USER;

  /** Password of {@link #ADMIN_USER}. */
  public static final String ADMIN_PASSWORD = LocalMariaDb.ADMIN_PASSWORD;

  /**
   * Read-only monitoring account on every server. Its grants, and nothing else: {@code REPLICATION
   * CLIENT} (binary log positions), {@code PROCESS} (the process list and InnoDB status), {@code
   * SLAVE MONITOR} ({@code SHOW [ALL] REPLICAS STATUS} on MariaDB 10.5 and later), {@code SELECT}
   * on {@code performance_schema.*} and on {@code mysql.gtid_slave_pos}. It can neither write nor
   * create anything.
   */
  public static final String AGENT_USER = "ferry_agent";

  /** Password of {@link #AGENT_USER}. */
  public static final String AGENT_PASSWORD = "ferry-agent-secret";

  /** Account the replication channels log in with: {@code REPLICATION SLAVE} only. */
  public static final String REPLICATION_USER = "ferry_repl";

  /** Password of {@link #REPLICATION_USER}. */
  public static final String REPLICATION_PASSWORD = "ferry-repl-secret";

  /** How long {@link #start} waits for every replication channel to run: 30 s. */
  static final Duration REPLICATION_START_TIMEOUT = Duration.ofSeconds(30);

  private static final MariaDbOptions OLD_PRIMARY =
      MariaDbOptions.builder("old-primary").serverId(1).gtidDomainId(1).autoIncrement(2, 1).build();
  private static final MariaDbOptions OLD_REPLICA =
      MariaDbOptions.builder("old-replica")
          .serverId(2)
          .gtidDomainId(2)
          .autoIncrement(2, 1)
          .readOnly(true)
          .build();
  private static final MariaDbOptions NEW_PRIMARY =
      MariaDbOptions.builder("new-primary")
          .serverId(3)
          .gtidDomainId(3)
          .autoIncrement(2, 2)
          .readOnly(true)
          .build();
  private static final MariaDbOptions NEW_REPLICA =
      MariaDbOptions.builder("new-replica")
          .serverId(4)
          .gtidDomainId(4)
          .autoIncrement(2, 2)
          .readOnly(true)
          .build();

  private static final String MONITORING_ACCOUNTS_SQL =
      """
      CREATE USER IF NOT EXISTS '%1$s'@'127.0.0.1' IDENTIFIED BY '%2$s';
      GRANT REPLICATION CLIENT, PROCESS, SLAVE MONITOR ON *.* TO '%1$s'@'127.0.0.1';
      GRANT SELECT ON performance_schema.* TO '%1$s'@'127.0.0.1';
      GRANT SELECT ON mysql.gtid_slave_pos TO '%1$s'@'127.0.0.1';
      CREATE USER IF NOT EXISTS '%3$s'@'127.0.0.1' IDENTIFIED BY '%4$s';
      GRANT REPLICATION SLAVE ON *.* TO '%3$s'@'127.0.0.1';
      """
          .formatted(AGENT_USER, AGENT_PASSWORD, REPLICATION_USER, REPLICATION_PASSWORD);

  private final LocalInfluxDb influx;
  private final List<LocalMariaDb> mariaDbs;
  private final List<ReplicationLink> links;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MigrationStack(LocalInfluxDb influx, List<LocalMariaDb> mariaDbs) {
    this.influx = influx;
    this.mariaDbs = List.copyOf(mariaDbs);
    this.links =
        List.of(
            new ReplicationLink(oldReplica(), oldPrimary()),
            new ReplicationLink(newPrimary(), oldPrimary()),
            new ReplicationLink(oldPrimary(), newPrimary()),
            new ReplicationLink(newReplica(), newPrimary()));
  }

  /**
   * Starts the five servers in parallel under {@code stateDir}, creates the accounts, starts
   * replication and waits (at most 30 s) until every channel runs.
   *
   * @throws IOException if a server cannot start or replication does not run; everything already
   *     started is stopped first
   */
  public static MigrationStack start(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    List<AutoCloseable> started = new ArrayList<>();
    try {
      ExecutorService pool = Executors.newFixedThreadPool(5);
      try {
        Future<LocalInfluxDb> influx = pool.submit(() -> LocalInfluxDb.start(stateDir));
        List<Future<LocalMariaDb>> nodes = new ArrayList<>();
        for (MariaDbOptions options : List.of(OLD_PRIMARY, OLD_REPLICA, NEW_PRIMARY, NEW_REPLICA)) {
          nodes.add(pool.submit(startWithAccounts(stateDir, options)));
        }
        IOException failure = collect(influx, started, null);
        for (Future<LocalMariaDb> node : nodes) {
          failure = collect(node, started, failure);
        }
        if (failure != null) {
          throw failure;
        }
      } finally {
        pool.shutdown();
      }
      List<LocalMariaDb> mariaDbs = new ArrayList<>();
      for (AutoCloseable server : started.subList(1, started.size())) {
        mariaDbs.add((LocalMariaDb) server);
      }
      MigrationStack stack = new MigrationStack((LocalInfluxDb) started.get(0), mariaDbs);
      stack.startReplication();
      return stack;
    } catch (IOException | RuntimeException | Error e) {
      stopAll(started);
      throw e;
    }
  }

  private static Callable<LocalMariaDb> startWithAccounts(Path stateDir, MariaDbOptions options) {
    return () -> {
      LocalMariaDb server = LocalMariaDb.start(stateDir, options);
      try {
        server.bootstrapAsRoot(MONITORING_ACCOUNTS_SQL);
      } catch (IOException e) {
        server.stop();
        throw e;
      }
      return server;
    };
  }

  /** Waits for one start; keeps what started, adds what failed to {@code failure}. */
  private static IOException collect(
      Future<? extends AutoCloseable> start, List<AutoCloseable> started, IOException failure) {
    try {
      started.add(start.get());
      return failure;
    } catch (ExecutionException e) {
      IOException cause =
          e.getCause() instanceof IOException io
              ? io
              : new IOException(e.getCause().toString(), e.getCause());
      if (failure == null) {
        return cause;
      }
      failure.addSuppressed(cause);
      return failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IOException interrupted = new IOException("interrupted while starting the stack", e);
      if (failure != null) {
        interrupted.addSuppressed(failure);
      }
      return interrupted;
    }
  }

  private void startReplication() throws IOException {
    for (ReplicationLink link : links) {
      link.start(REPLICATION_USER, REPLICATION_PASSWORD);
    }
    boolean running =
        Poll.until(
            REPLICATION_START_TIMEOUT,
            () -> {
              for (ReplicationLink link : links) {
                if (!link.status().running()) {
                  return false;
                }
              }
              return true;
            });
    if (!running) {
      throw new IOException(
          "replication did not start within "
              + REPLICATION_START_TIMEOUT
              + ":\n"
              + links.stream()
                  .map(ReplicationLink::describeStatus)
                  .collect(Collectors.joining("\n")));
    }
  }

  /** The InfluxDB server. */
  public LocalInfluxDb influx() {
    return influx;
  }

  /** The writable primary of the old cluster (server_id 1). */
  public LocalMariaDb oldPrimary() {
    return mariaDbs.get(0);
  }

  /** The replica of the old primary (server_id 2, read_only). */
  public LocalMariaDb oldReplica() {
    return mariaDbs.get(1);
  }

  /** The primary of the new cluster (server_id 3, read_only until the cutover). */
  public LocalMariaDb newPrimary() {
    return mariaDbs.get(2);
  }

  /** The replica of the new primary (server_id 4, read_only). */
  public LocalMariaDb newReplica() {
    return mariaDbs.get(3);
  }

  /** All four MariaDB servers: old primary, old replica, new primary, new replica. */
  public List<LocalMariaDb> mariaDbs() {
    return mariaDbs;
  }

  /**
   * Blocks until every replica has applied all that was written, on any server upstream of it,
   * before this call.
   *
   * @throws IllegalStateException after {@code timeout}, with each lagging replica's GTID position
   *     and replication status
   */
  public void awaitReplicationCaughtUp(Duration timeout) {
    ReplicationCatchUp.await(links, timeout);
  }

  /**
   * Drops {@code database} everywhere, safely in master/master: first waits until every replica
   * (both primaries included, in both directions) has applied everything written so far, so that no
   * transaction on the way still needs the database when it goes; then drops it on the old primary
   * and waits until the drop has replicated everywhere.
   *
   * @throws IllegalStateException if replication does not catch up within {@code timeout}, before
   *     or after the drop
   */
  public void dropDatabase(String database, Duration timeout) {
    awaitReplicationCaughtUp(timeout);
    oldPrimary().execute("DROP DATABASE IF EXISTS " + quoteIdentifier(database));
    awaitReplicationCaughtUp(timeout);
  }

  /**
   * Drops {@code database} as {@link #dropDatabase} does, creates it anew on the old primary, runs
   * {@code statements} in it there, and waits until all of it has replicated everywhere.
   */
  public void recreateDatabase(String database, Duration timeout, String... statements) {
    dropDatabase(database, timeout);
    String[] all = new String[statements.length + 2];
    all[0] = "CREATE DATABASE " + quoteIdentifier(database);
    all[1] = "USE " + quoteIdentifier(database);
    System.arraycopy(statements, 0, all, 2, statements.length);
    oldPrimary().execute(all);
    awaitReplicationCaughtUp(timeout);
  }

  /**
   * What is wrong with replication now, one line per channel that is not healthy (a thread not
   * running, or an error recorded), naming the channel and the server's own error text; empty when
   * every channel runs without error. Waits first (at most {@code timeout}) until every replica has
   * applied what was written so far, so that a transaction still on its way that will break a
   * channel is found now rather than by a later test.
   */
  public List<String> replicationProblems(Duration timeout) {
    List<String> problems = new ArrayList<>();
    try {
      ReplicationCatchUp.await(links, timeout, this::anyLinkFailed);
    } catch (IllegalStateException e) {
      problems.add(e.getMessage());
      return problems;
    }
    // A thread reconnecting after a blip is healthy again within a second or two; an error is not.
    Poll.until(timeout, () -> unhealthyLinks().isEmpty());
    return unhealthyLinks();
  }

  private boolean anyLinkFailed() throws SQLException {
    for (ReplicationLink link : links) {
      if (link.status().failed()) {
        return true;
      }
    }
    return false;
  }

  private List<String> unhealthyLinks() {
    List<String> problems = new ArrayList<>();
    for (ReplicationLink link : links) {
      try {
        ReplicaStatus status = link.status();
        if (!status.healthy()) {
          problems.add(link + ": " + status);
        }
      } catch (SQLException e) {
        problems.add(link + ": status unreadable: " + e.getMessage());
      }
    }
    return problems;
  }

  private static String quoteIdentifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** Stops every server, in parallel, and returns once all processes are gone. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      List<AutoCloseable> all = new ArrayList<>();
      all.add(influx);
      all.addAll(mariaDbs);
      stopAll(all);
    }
  }

  private static void stopAll(List<AutoCloseable> servers) {
    List<Thread> stoppers = new ArrayList<>();
    for (AutoCloseable server : servers) {
      Thread stopper =
          new Thread(
              () -> {
                try {
                  server.close();
                } catch (Exception e) {
                  LOG.warn("cannot stop {}", server, e);
                }
              },
              "ferry-stop-" + server);
      stopper.start();
      stoppers.add(stopper);
    }
    for (Thread stopper : stoppers) {
      try {
        stopper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
