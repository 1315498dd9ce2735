package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.HeartbeatTable;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the age of every heartbeat row on the server itself ({@link
 * HeartbeatTable#ageStatement()}), so the agent host's clock plays no part.
 *
 * <p>Without {@code --utc} pt-heartbeat writes local time, which reads right only on servers
 * running in UTC. A row whose {@code ts} is not a date gives NULL and is left out, so its age is
 * unknown.
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
    return table.ageStatement();
  }

  @Override
  public HeartbeatAges parse(List<Row> rows, ServerInfo server) {
    var ages = new HashMap<Long, Double>();
    for (Row row : rows) {
      OptionalLong serverId = row.integer(HeartbeatTable.SERVER_ID_COLUMN);
      if (serverId.isEmpty()) {
        throw new UnexpectedValueException("heartbeat row without server_id in " + table);
      }
      row.integer(HeartbeatTable.AGE_COLUMN)
          .ifPresent(micros -> ages.put(serverId.getAsLong(), micros / 1e6));
    }
    return new HeartbeatAges(ages);
  }

  @Override
  public String explain(SQLException failure) {
    return hint.explain(failure);
  }
}
