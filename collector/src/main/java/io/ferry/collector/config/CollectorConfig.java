package io.ferry.collector.config;

import io.ferry.collector.alerting.AlertingConfig;
import io.ferry.collector.cluster.ClusteringConfig;
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
 * @param cluster the other collectors this one shares alert evaluation and scheduled comparisons
 *     with; empty when the file has no {@code cluster:} section (the collector runs alone)
 * @param pages the pages' login sessions and login rate limit ({@code pages:})
 */
public record CollectorConfig(
    ListenConfig listen,
    AuthConfig auth,
    IngestConfig ingest,
    InfluxConfig influxdb,
    Optional<CompareConfig> compare,
    Optional<AlertingConfig> alerts,
    Optional<ClusteringConfig> cluster,
    PagesConfig pages) {

  /** Alone, without a cluster, with the pages' defaults. */
  public CollectorConfig(
      ListenConfig listen,
      AuthConfig auth,
      IngestConfig ingest,
      InfluxConfig influxdb,
      Optional<CompareConfig> compare,
      Optional<AlertingConfig> alerts) {
    this(listen, auth, ingest, influxdb, compare, alerts, Optional.empty(), PagesConfig.DEFAULTS);
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
