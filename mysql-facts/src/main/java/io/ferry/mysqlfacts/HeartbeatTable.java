package io.ferry.mysqlfacts;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The heartbeat table, named {@code database.table} (pt-heartbeat's default is {@code
 * percona.heartbeat}), with the layout pt-heartbeat creates, so that pt-heartbeat {@code
 * --monitor}/{@code --check} reads the rows Ferry writes and Ferry reads the rows pt-heartbeat
 * writes.
 *
 * <p>The agent and {@code ferry compare} read each row's age with {@link #ageStatement()}.
 *
 * <p>The agent never creates the table (its account needs no {@code CREATE} grant): {@link
 * #createStatements()} and {@link #grantStatement} are what it tells the operator to run once.
 *
 * @param database the schema holding the table
 * @param table the table's name
 */
public record HeartbeatTable(String database, String table) {

  /** pt-heartbeat's default: {@code --database percona --table heartbeat}. */
  public static final String DEFAULT_NAME = "percona.heartbeat";

  /** Unquoted identifiers only, so the name can be written into SQL without any escaping. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$]{1,64}");

  public HeartbeatTable {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(table, "table");
    if (!IDENTIFIER.matcher(database).matches() || !IDENTIFIER.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "heartbeat table '" + database + "." + table + "' is not of the form database.table");
    }
  }

  /**
   * Reads {@code database.table}; empty when the text is not two plain identifiers (letters,
   * digits, {@code _}, {@code $}) joined by one dot.
   */
  public static Optional<HeartbeatTable> parse(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 2
        || !IDENTIFIER.matcher(parts[0]).matches()
        || !IDENTIFIER.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(new HeartbeatTable(parts[0], parts[1]));
  }

  /** The column of {@link #ageStatement()} holding the writer's {@code server_id}. */
  public static final String SERVER_ID_COLUMN = "server_id";

  /** The column of {@link #ageStatement()} holding a row's age in microseconds, or NULL. */
  public static final String AGE_COLUMN = "age_us";

  /**
   * Reads the age of every row on the server itself: {@code TIMESTAMPDIFF(MICROSECOND, ts,
   * UTC_TIMESTAMP(6))}, so the reading host's clock plays no part. What remains is the difference
   * between the writer's clock and this server's clock, which pt-heartbeat has too: keep both in
   * sync with NTP. {@code ts} is read as UTC, as Ferry and {@code pt-heartbeat --update --utc}
   * write it; a row whose {@code ts} is not a date gives a NULL age.
   */
  public String ageStatement() {
    return "SELECT "
        + SERVER_ID_COLUMN
        + ", TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) AS "
        + AGE_COLUMN
        + " FROM "
        + sqlName();
  }

  /** The name as SQL, quoted: {@code `percona`.`heartbeat`}. */
  public String sqlName() {
    return "`" + database + "`.`" + table + "`";
  }

  /**
   * The one-time statements an administrator runs on the primary (they replicate): the schema and
   * the table exactly as {@code pt-heartbeat --create-table} makes it.
   */
  public String createStatements() {
    return "CREATE DATABASE IF NOT EXISTS `"
        + database
        + "`; CREATE TABLE IF NOT EXISTS "
        + sqlName()
        + " (ts varchar(26) NOT NULL, server_id int unsigned NOT NULL PRIMARY KEY,"
        + " file varchar(255) DEFAULT NULL, position bigint unsigned DEFAULT NULL,"
        + " relay_master_log_file varchar(255) DEFAULT NULL,"
        + " exec_master_log_pos bigint unsigned DEFAULT NULL);";
  }

  /**
   * The grant the agent's account needs on this one table: {@code SELECT} to read lag, plus {@code
   * INSERT, UPDATE} when it writes the heartbeat.
   *
   * @param account the account as {@code 'user'@'host'}
   */
  public String grantStatement(String account, boolean update) {
    return "GRANT "
        + (update ? "SELECT, INSERT, UPDATE" : "SELECT")
        + " ON "
        + sqlName()
        + " TO "
        + account
        + ";";
  }

  /** {@code database.table}, as written in the configuration. */
  @Override
  public String toString() {
    return database + "." + table;
  }
}
