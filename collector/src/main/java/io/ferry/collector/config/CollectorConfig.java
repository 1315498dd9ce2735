package io.ferry.collector.config;

import io.ferry.collector.alerting.AlertingConfig;
import java.util.Optional;

/**
 * Everything the collector is configured with, as read from {@code collector.yml} by {@link
 * CollectorConfigLoader}.
 *
 * @param listen where the HTTP server listens
 * @param auth the tokens clients present
 * @param ingest limits on write requests
 * @param influxdb the InfluxDB points are written to
 * @param compare the cutover comparison the collector runs; empty when the file has no {@code
 *     compare:} section
 * @param alerts rules, SLOs, receivers and routes; empty when the file has no {@code alerts:}
 *     section
 * @param pages the pages' login sessions and login rate limit ({@code pages:})
 */
public record CollectorConfig(
    ListenConfig listen,
    AuthConfig auth,
    IngestConfig ingest,
    InfluxConfig influxdb,
    Optional<CompareConfig> compare,
    Optional<AlertingConfig> alerts,
    PagesConfig pages) {

  /** With the pages' defaults. */
  public CollectorConfig(
      ListenConfig listen,
      AuthConfig auth,
      IngestConfig ingest,
      InfluxConfig influxdb,
      Optional<CompareConfig> compare,
      Optional<AlertingConfig> alerts) {
    this(listen, auth, ingest, influxdb, compare, alerts, PagesConfig.DEFAULTS);
  }

  /** Without a cutover comparison and without alerting. */
  public CollectorConfig(
      ListenConfig listen, AuthConfig auth, IngestConfig ingest, InfluxConfig influxdb) {
    this(listen, auth, ingest, influxdb, Optional.empty(), Optional.empty());
  }

  /** Without alerting. */
  public CollectorConfig(
      ListenConfig listen,
      AuthConfig auth,
      IngestConfig ingest,
      InfluxConfig influxdb,
      Optional<CompareConfig> compare) {
    this(listen, auth, ingest, influxdb, compare, Optional.empty());
  }
}
