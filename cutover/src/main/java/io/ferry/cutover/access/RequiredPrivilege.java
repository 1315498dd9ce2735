package io.ferry.cutover.access;

import io.ferry.mysqlfacts.ServerDialect;
import java.util.Arrays;
import java.util.List;

/**
 * A privilege {@code ferry compare} needs on every server of both clusters, granted {@code ON *.*},
 * and what it is needed for. Without it the server hides what the comparison must read instead of
 * refusing (an account without {@code SELECT} sees no databases; one without {@code TRIGGER} sees
 * no triggers), so the run checks these first and compares nothing when one is missing.
 */
public enum RequiredPrivilege {
  /** Table rows, the schema in {@code information_schema}, accounts and routine bodies. */
  SELECT("SELECT", "to read the tables, the schema, routine bodies and the accounts' grants"),
  /** View definitions ({@code information_schema.VIEWS} shows them empty without it). */
  SHOW_VIEW("SHOW VIEW", "to read view definitions"),
  /** Triggers ({@code information_schema.TRIGGERS} lists none without it). */
  TRIGGER("TRIGGER", "to read triggers"),
  /** Events ({@code information_schema.EVENTS} lists none without it). */
  EVENT("EVENT", "to read events and their status"),
  /** Every session in the process list (only the account's own without it). */
  PROCESS("PROCESS", "to see the application's sessions when checking traffic after the switch"),
  /**
   * Replica status: {@code SLAVE MONITOR} (alias {@code REPLICA MONITOR}) on MariaDB 10.5 and
   * later, {@code REPLICATION CLIENT} on MySQL and older MariaDB.
   */
  REPLICA_MONITOR("SLAVE MONITOR", "to read replication status (SHOW ALL SLAVES STATUS)");

  private final String grantName;
  private final String purpose;

  RequiredPrivilege(String grantName, String purpose) {
    this.grantName = grantName;
    this.purpose = purpose;
  }

  /** The name to write in a {@code GRANT} statement for this server version. */
  public String grantName(ServerDialect version) {
    if (this == REPLICA_MONITOR && !(version.mariaDb() && version.atLeast(10, 5))) {
      return "REPLICATION CLIENT";
    }
    return grantName;
  }

  /** Why the comparison needs it. */
  public String purpose() {
    return purpose;
  }

  /** Every privilege name that grants it on this server version (SUPER covers replica status). */
  List<String> satisfiedBy(ServerDialect version) {
    if (this == REPLICA_MONITOR) {
      return List.of(grantName(version), "REPLICA MONITOR", "SUPER");
    }
    return List.of(grantName);
  }

  /** The privileges missing from what an account holds, in declaration order. */
  public static List<RequiredPrivilege> missing(GlobalPrivileges held, ServerDialect version) {
    return Arrays.stream(values())
        .filter(required -> !held.holdsAnyOf(required.satisfiedBy(version)))
        .toList();
  }

  /**
   * The statement that grants the given privileges, e.g. {@code GRANT SELECT, EVENT ON *.* TO
   * 'ferry'@'%';}.
   *
   * @param account the account as {@code CURRENT_USER()} names it ({@code user@host}) or a
   *     placeholder
   */
  public static String grantStatement(
      List<RequiredPrivilege> privileges, ServerDialect version, String account) {
    int at = account.lastIndexOf('@');
    String user = at < 0 ? account : account.substring(0, at);
    String host = at < 0 ? "%" : account.substring(at + 1);
    return "GRANT "
        + String.join(", ", privileges.stream().map(p -> p.grantName(version)).toList())
        + " ON *.* TO '"
        + user.replace("'", "''")
        + "'@'"
        + host.replace("'", "''")
        + "';";
  }
}
