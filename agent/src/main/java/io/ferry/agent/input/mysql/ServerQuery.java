package io.ferry.agent.input.mysql;

import java.sql.SQLException;
import java.util.List;

/**
 * One family of monitoring queries, as mysqld_exporter has one collector per family: which servers
 * it applies to, the statement it sends to a given server, and a pure parser from the rows to what
 * the agent reports. The parser is tested on recorded rows, without a server.
 *
 * @param <T> what the parser makes of the rows
 */
interface ServerQuery<T> {

  /** A short name for error reports, e.g. {@code replica status}. */
  String name();

  /** Whether the server is of a flavor and version this query is written for. */
  boolean supports(ServerInfo server);

  /** The statement for this server; only called when {@link #supports} is true. */
  String statement(ServerInfo server);

  /**
   * Turns the rows the statement returned into what the agent reports.
   *
   * @throws UnexpectedValueException when a value cannot be read
   */
  T parse(List<Row> rows, ServerInfo server);

  /**
   * What to report when the statement failed on a working connection; by default the server's
   * message. A query whose failure has a known fix (a missing table, a missing grant) says it here.
   */
  default String explain(SQLException failure) {
    return failure.getMessage();
  }
}
