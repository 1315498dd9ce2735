package io.ferry.collector.influx;

import io.ferry.collector.config.InfluxApi;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRefusedException;
import io.ferry.lineprotocol.PointRule;
import java.util.LinkedHashMap;

/**
 * What InfluxDB refuses although line protocol allows it, checked before writing so that the answer
 * names the line like any other refusal. Measured on InfluxDB 1.6.7:
 *
 * <ul>
 *   <li>an unsigned field ({@code 1u}) is a parse error on 1.x ({@code invalid number}); 2.x and
 *       later store it;
 *   <li>a tag key {@code time} is refused: {@code invalid tag key: input tag "time" on measurement
 *       "m" is invalid};
 *   <li>a field key {@code time} is dropped from the point; when it is the only field the point is
 *       refused: {@code invalid field name: input field "time" on measurement "m" is invalid}.
 * </ul>
 *
 * The point kept is the one InfluxDB stores, so the alert engine sees the same.
 */
public final class InfluxTargetRule implements PointRule {

  private static final String TIME = "time";

  private final boolean unsignedStored;

  private InfluxTargetRule(boolean unsignedStored) {
    this.unsignedStored = unsignedStored;
  }

  /**
   * The rule for a server: unsigned fields are refused on the v1 API (InfluxDB before 1.8) and on
   * any server reporting a 1.x version.
   */
  public static InfluxTargetRule forServer(InfluxServer server) {
    boolean oneDotX =
        server.api() == InfluxApi.V1
            || (server.version() != null && server.version().startsWith("1."));
    return new InfluxTargetRule(!oneDotX);
  }

  @Override
  public Point check(Point point) throws PointRefusedException {
    if (point.tags().containsKey(TIME)) {
      throw new PointRefusedException(
          "invalid tag key: input tag \"time\" on measurement \""
              + point.measurement()
              + "\" is invalid");
    }
    if (!unsignedStored) {
      for (var field : point.fields().entrySet()) {
        if (field.getValue() instanceof FieldValue.UnsignedValue unsigned) {
          throw new PointRefusedException(
              "invalid number: field \""
                  + field.getKey()
                  + "\" is unsigned ("
                  + Long.toUnsignedString(unsigned.value())
                  + "u), which InfluxDB 1.x does not store; send it as an integer (i)");
        }
      }
    }
    if (!point.fields().containsKey(TIME)) {
      return point;
    }
    if (point.fields().size() == 1) {
      throw new PointRefusedException(
          "invalid field name: input field \"time\" on measurement \""
              + point.measurement()
              + "\" is invalid");
    }
    var fields = new LinkedHashMap<>(point.fields());
    fields.remove(TIME);
    return new Point(point.measurement(), point.tags(), fields, point.timestampNanos());
  }
}
