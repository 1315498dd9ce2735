package io.ferry.collector.config;

/**
 * Everything the collector is configured with, as read from {@code collector.yml} by {@link
 * CollectorConfigLoader}.
 *
 * @param listen where the HTTP server listens
 * @param auth the tokens clients present
 * @param ingest limits on write requests
 * @param influxdb the InfluxDB points are written to
 */
public record CollectorConfig(
    ListenConfig listen, AuthConfig auth, IngestConfig ingest, InfluxConfig influxdb) {}
