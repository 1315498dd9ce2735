package io.ferry.collector.config;

import java.util.Locale;
import java.util.Optional;

/** Which InfluxDB write API the collector uses ({@code influxdb.api}). */
public enum InfluxApi {
  /** Read {@code X-Influxdb-Version} from {@code GET /ping} at start-up and pick v1 or v2. */
  AUTO,
  /** {@code POST /write}, the only write endpoint of InfluxDB 1.x before 1.8. */
  V1,
  /** {@code POST /api/v2/write}, spoken by InfluxDB 1.8+, 2.x, 3.x and compatible servers. */
  V2;

  /** The value as written in the configuration file: {@code auto}, {@code v1} or {@code v2}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InfluxApi> fromConfigName(String text) {
    for (InfluxApi api : values()) {
      if (api.configName().equals(text)) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }
}
