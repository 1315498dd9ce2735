package io.ferry.agent.input.mysql;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Builds the two per-server points: {@code mysql} (what the server is and does) and {@code
 * mysql_up} (whether it answered at all).
 */
final class ServerPoint {

  static final String MEASUREMENT = "mysql";
  static final String UP_MEASUREMENT = "mysql_up";

  private ServerPoint() {}

  /**
   * The {@code mysql} point.
   *
   * @param variables fields from {@link GlobalVariablesQuery}, empty when it failed
   * @param status fields from {@link GlobalStatusQuery}, empty when it failed
   * @param replicationChannels how many channels the replica status listed; empty when that query
   *     failed or does not apply, so that a failure never reads as "0 channels"
   */
  static Point mysql(
      ServerInfo server,
      Map<String, FieldValue> variables,
      Map<String, FieldValue> status,
      OptionalInt replicationChannels) {
    var point = Point.builder(MEASUREMENT).field("version", server.versionText());
    variables.forEach(point::field);
    status.forEach(point::field);
    replicationChannels.ifPresent(count -> point.field("replication_channels", (long) count));
    return point.build();
  }

  /** {@code mysql_up up=true}. */
  static Point up() {
    return Point.builder(UP_MEASUREMENT).field("up", true).build();
  }

  /** {@code mysql_up up=false,error="..."}. */
  static Point down(String error) {
    return Point.builder(UP_MEASUREMENT)
        .field("up", false)
        .field("error", FieldText.oneLine(error))
        .build();
  }
}
