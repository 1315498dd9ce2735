package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.HeartbeatTable;
import java.sql.SQLException;

/**
 * Turns the two errors an operator fixes once — the heartbeat table does not exist, or the agent's
 * account may not use it — into a message that says which statements to run.
 */
final class HeartbeatSetupHint {

  /** {@code ER_NO_SUCH_TABLE}. */
  static final int NO_SUCH_TABLE = 1146;

  /** {@code ER_TABLEACCESS_DENIED_ERROR}. */
  static final int TABLE_ACCESS_DENIED = 1142;

  private final HeartbeatTable table;
  private final String account;
  private final boolean update;

  /**
   * @param user the agent's MySQL user, for the {@code GRANT} statement
   * @param update whether the agent writes the heartbeat (needs {@code INSERT, UPDATE} too)
   */
  HeartbeatSetupHint(HeartbeatTable table, String user, boolean update) {
    this.table = table;
    this.account = "'" + user.replace("'", "''") + "'@'<agent host>'";
    this.update = update;
  }

  /** The server's message, followed by what to run when it is one of the one-time fixes. */
  String explain(SQLException failure) {
    String grant = table.grantStatement(account, update);
    return switch (failure.getErrorCode()) {
      case NO_SUCH_TABLE ->
          "heartbeat table "
              + table
              + " does not exist (the agent does not create it). Create it once on the primary as an"
              + " administrator (it replicates): "
              + table.createStatements()
              + " Then on each server, with SET sql_log_bin = 0: "
              + grant;
      // The server answers "denied" rather than "no such table" to an account without any grant
      // on it, so this may also be a table that was never created.
      case TABLE_ACCESS_DENIED ->
          "the agent may not use heartbeat table "
              + table
              + " ("
              + FieldText.oneLine(failure.getMessage())
              + "). Run on this server, with SET sql_log_bin = 0: "
              + grant
              + " If the table does not exist yet, first create it once on the primary as an"
              + " administrator (it replicates): "
              + table.createStatements();
      default -> FieldText.oneLine(String.valueOf(failure.getMessage()));
    };
  }
}
