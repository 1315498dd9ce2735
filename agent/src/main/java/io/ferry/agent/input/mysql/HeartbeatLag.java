package io.ferry.agent.input.mysql;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Adds the heartbeat lag to the {@code mysql_replication} points: {@code heartbeat_lag_seconds}
 * (float, the age of the source's heartbeat row on this replica) and {@code heartbeat_age_known}
 * (bool). Unlike {@code Seconds_Behind_Master}, this lag keeps growing while a thread is stopped
 * and covers every hop of a chain. When the source's row is missing (or the channel's source is not
 * known yet) the point gets {@code heartbeat_age_known=false} and no lag: never a zero.
 */
final class HeartbeatLag {

  static final String LAG_FIELD = "heartbeat_lag_seconds";
  static final String KNOWN_FIELD = "heartbeat_age_known";

  /** The field {@link ReplicaStatusQuery} writes {@code Master_Server_Id} to. */
  static final String SOURCE_SERVER_ID_FIELD = "source_server_id";

  private HeartbeatLag() {}

  /**
   * @param sourceServerId the writer whose row counts, or {@link
   *     HeartbeatConfig#EACH_CHANNELS_SOURCE} for each channel's own source
   */
  static List<Point> addTo(List<Point> channels, HeartbeatAges ages, long sourceServerId) {
    return channels.stream().map(channel -> addTo(channel, ages, sourceServerId)).toList();
  }

  static Point addTo(Point channel, HeartbeatAges ages, long sourceServerId) {
    OptionalLong writer =
        sourceServerId != HeartbeatConfig.EACH_CHANNELS_SOURCE
            ? OptionalLong.of(sourceServerId)
            : channelSource(channel);
    OptionalDouble age = writer.isPresent() ? ages.of(writer.getAsLong()) : OptionalDouble.empty();
    var point = Point.builder(channel.measurement()).tags(channel.tags());
    channel.fields().forEach(point::field);
    point.field(KNOWN_FIELD, age.isPresent());
    age.ifPresent(seconds -> point.field(LAG_FIELD, seconds));
    channel.timestamp().ifPresent(point::timestampNanos);
    return point.build();
  }

  /**
   * {@code Master_Server_Id} is 0 until the receiver first connected: then the source is unknown.
   */
  private static OptionalLong channelSource(Point channel) {
    FieldValue id = channel.fields().get(SOURCE_SERVER_ID_FIELD);
    if (id instanceof FieldValue.IntegerValue integer && integer.value() > 0) {
      return OptionalLong.of(integer.value());
    }
    return OptionalLong.empty();
  }
}
