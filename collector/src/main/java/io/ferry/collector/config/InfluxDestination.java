package io.ferry.collector.config;

/**
 * Where in InfluxDB the collector writes. Every point goes here, whatever {@code db} or {@code
 * bucket} parameter the request named: the collector, not the agent, decides the destination.
 *
 * @param database the database ({@code influxdb.database}); default {@value #DEFAULT_DATABASE}
 * @param retentionPolicy the retention policy ({@code influxdb.retention_policy}); default none,
 *     meaning the database's default policy
 * @param bucket the v2 bucket ({@code influxdb.bucket}); default none, meaning {@code
 *     database/retention_policy} (or just {@code database}), as InfluxDB 1.8's v2 compatibility API
 *     names a database
 * @param org the v2 organization ({@code influxdb.org}); default none, sent as {@code -}, which
 *     InfluxDB 1.8 ignores
 * @param createDatabase whether the v1 writer creates the database when InfluxDB says it does not
 *     exist ({@code influxdb.create_database}); default {@code true}
 */
public record InfluxDestination(
    String database, String retentionPolicy, String bucket, String org, boolean createDatabase) {

  public static final String DEFAULT_DATABASE = "ferry";

  public static InfluxDestination defaults() {
    return new InfluxDestination(DEFAULT_DATABASE, null, null, null, true);
  }

  /** The bucket for the v2 API: {@link #bucket()} if set, else derived from the database. */
  public String v2Bucket() {
    if (bucket != null) {
      return bucket;
    }
    return retentionPolicy == null ? database : database + "/" + retentionPolicy;
  }

  /** The organization for the v2 API: {@link #org()} if set, else {@code -}. */
  public String v2Org() {
    return org == null ? "-" : org;
  }
}
