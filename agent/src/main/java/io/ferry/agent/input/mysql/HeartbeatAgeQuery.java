package io.ferry.agent.input.mysql;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the age of every heartbeat row on the server itself: {@code TIMESTAMPDIFF(MICROSECOND, ts,
 * UTC_TIMESTAMP(6))}, so the agent host's clock plays no part. What remains is the difference
 * between the writer's clock and this server's clock, which pt-heartbeat has too: keep both in sync
 * with NTP.
 *
 * <p>{@code ts} is read as UTC, as written by Ferry and by {@code pt-heartbeat --update --utc}
 * (without {@code --utc} pt-heartbeat writes local time, which reads right only on servers running
 * in UTC). A row whose {@code ts} is not a date gives NULL and is left out, so its age is unknown.
 */
final class HeartbeatAgeQuery implements ServerQuery<HeartbeatAges> {

  private final HeartbeatTable table;
  private final HeartbeatSetupHint hint;

  HeartbeatAgeQuery(HeartbeatTable table, HeartbeatSetupHint hint) {
    this.table = table;
    this.hint = hint;
  }

  @Override
  public String name() {
    return "heartbeat " + table;
  }

  @Override
  public boolean supports(ServerInfo server) {
    return true;
  }

  @Override
  public String statement(ServerInfo server) {
    return "SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) AS age_us FROM "
        + table.sqlName();
  }

  @Override
  public HeartbeatAges parse(List<Row> rows, ServerInfo server) {
    var ages = new HashMap<Long, Double>();
    for (Row row : rows) {
      OptionalLong serverId = row.integer("server_id");
      if (serverId.isEmpty()) {
        throw new UnexpectedValueException("heartbeat row without server_id in " + table);
      }
      row.integer("age_us").ifPresent(micros -> ages.put(serverId.getAsLong(), micros / 1e6));
    }
    return new HeartbeatAges(ages);
  }

  @Override
  public String explain(SQLException failure) {
    return hint.explain(failure);
  }
}
