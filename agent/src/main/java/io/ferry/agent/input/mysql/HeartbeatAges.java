package io.ferry.agent.input.mysql;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The age of every row of the heartbeat table, in seconds, by the {@code server_id} that wrote it,
 * measured by the clock of the server that was read.
 *
 * @param secondsByServerId age in seconds (with microseconds) by writer; negative when the reading
 *     server's clock is behind the writer's
 */
record HeartbeatAges(Map<Long, Double> secondsByServerId) {

  HeartbeatAges {
    secondsByServerId = Map.copyOf(secondsByServerId);
  }

  /** The age of the row written by {@code serverId}; empty when there is no readable such row. */
  OptionalDouble of(long serverId) {
    Double seconds = secondsByServerId.get(serverId);
    return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
  }
}
