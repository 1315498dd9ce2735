package io.ferry.cutover.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How busy the servers are, measured before each chunk.
 *
 * @param status for each status variable a {@link LoadLimit} names (upper case), the highest value
 *     of the two primaries
 * @param maxReplicaLagSeconds highest lag, in seconds, of any running replication channel of any
 *     node: the age of its source's pt-heartbeat row where the replica has the heartbeat table,
 *     otherwise {@code Seconds_Behind_Master} (stopped channels have no lag; the replication checks
 *     report them)
 */
public record ServerLoad(Map<String, Long> status, double maxReplicaLagSeconds) {

  public ServerLoad {
    status = Map.copyOf(status);
  }

  /** What is over the limits, e.g. {@code Threads_running 31 > 25}; empty when nothing is. */
  public Optional<String> overLimit(List<LoadLimit> limits, double maxLagSeconds) {
    for (LoadLimit limit : limits) {
      Long value = status.get(limit.key());
      if (value != null && value > limit.max()) {
        return Optional.of(limit.variable() + " " + value + " > " + limit.max());
      }
    }
    if (maxReplicaLagSeconds > maxLagSeconds) {
      return Optional.of(
          String.format(
              Locale.ROOT, "replica lag %.1f s > %s s", maxReplicaLagSeconds, trim(maxLagSeconds)));
    }
    return Optional.empty();
  }

  private static String trim(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }
}
