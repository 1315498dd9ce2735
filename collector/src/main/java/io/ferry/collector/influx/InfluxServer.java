package io.ferry.collector.influx;

import io.ferry.collector.config.InfluxApi;

/**
 * What the collector knows about its InfluxDB.
 *
 * @param api the write API in use, {@link InfluxApi#V1} or {@link InfluxApi#V2}
 * @param version the server's {@code X-Influxdb-Version}, or null when it could not be asked
 */
public record InfluxServer(InfluxApi api, String version) {}
