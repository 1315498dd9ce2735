package io.ferry.cutover.check;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The pt-heartbeat table as one server sees it: the age of every row, in seconds, by the {@code
 * server_id} that wrote it, measured by that server's own clock.
 *
 * @param table the heartbeat table, {@code database.table}
 * @param secondsByServerId age in seconds by writer; a row whose {@code ts} is not a date is left
 *     out
 */
public record HeartbeatAges(String table, Map<Long, Double> secondsByServerId) {

  public HeartbeatAges {
    Objects.requireNonNull(table, "table");
    secondsByServerId = Map.copyOf(secondsByServerId);
  }

  /** The age of the row {@code serverId} wrote; empty when there is none. */
  public OptionalDouble of(long serverId) {
    Double seconds = secondsByServerId.get(serverId);
    return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
  }
}
