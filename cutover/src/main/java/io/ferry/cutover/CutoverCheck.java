package io.ferry.cutover;

import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import java.sql.SQLException;
import java.util.List;

/**
 * One family of cutover checks (replication, schema, configuration, grants, ...). A family reads
 * what it needs through the context and returns one result per thing it checked; it never throws
 * for a difference, only when it cannot finish.
 */
public interface CutoverCheck {

  /** The family label its results carry, one of {@link CheckFamily}. */
  CheckFamily family();

  /**
   * Runs the family's checks.
   *
   * @throws SQLException when a server cannot be reached or answers with an error; the caller turns
   *     it into a "could not finish" result and goes on with the other families
   */
  List<CheckResult> run(CheckContext ctx) throws SQLException;
}
