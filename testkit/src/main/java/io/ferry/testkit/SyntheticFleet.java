package io.ferry.testkit;

import java.util.List;
import java.util.Locale;

/**
 * The line protocol a fleet of database hosts pushes, for benchmarks: the measurements, tags and
 * fields of the agent's OS and MySQL inputs (as {@code docs/metrics.md} lists them), {@value
 * #SERIES_PER_HOST} series per host. Hosts come in shards of four: old primary, old replica, new
 * primary, new replica (tags {@code cluster} and {@code role}); every host has one replication
 * channel (replicas from their primary, the primaries master/master). Values are steady and healthy
 * (no shipped rule fires) unless a host's replication is pushed as broken.
 *
 * <p>Series of one host: {@code cpu} (total and 16 cores), {@code system}, {@code mem}, 6 {@code
 * disk} paths, 12 {@code diskio} devices, 7 {@code net} interfaces, 3 {@code ferry_agent} (the
 * agent, its OS and its MySQL source), {@code mysql_up}, {@code mysql}, {@code mysql_replication}.
 */
public final class SyntheticFleet {

  /** Series each host writes. */
  public static final int SERIES_PER_HOST = 50;

  /** The collection interval the fleet pushes at, in seconds, like the agent's default. */
  public static final int INTERVAL_SECONDS = 10;

  private static final String[] DISK_PATHS = {
    "/", "/boot", "/var", "/var/lib/mysql", "/var/log", "/tmp"
  };
  private static final int DISKIO_DEVICES = 12;
  private static final int NET_INTERFACES = 7;
  private static final int CORES = 16;

  private final int hosts;

  private SyntheticFleet(int hosts) {
    this.hosts = hosts;
  }

  /** A fleet of at least {@code series} series (whole hosts, whole shards of four). */
  public static SyntheticFleet withSeries(int series) {
    int hosts = (series + SERIES_PER_HOST - 1) / SERIES_PER_HOST;
    return new SyntheticFleet((hosts + 3) / 4 * 4);
  }

  /** The number of hosts. */
  public int hosts() {
    return hosts;
  }

  /** The number of series the fleet writes. */
  public int series() {
    return hosts * SERIES_PER_HOST;
  }

  /** Host {@code h}'s name, such as {@code db00042}. */
  public static String hostName(int h) {
    return String.format(Locale.ROOT, "db%05d", h);
  }

  /** Whether host {@code h} is a replica (the others are primaries). */
  public static boolean isReplica(int h) {
    return h % 2 == 1;
  }

  /**
   * One push of host {@code h}: all its series at {@code nanos}.
   *
   * @param round the number of the collection, which moves counters and varies gauges
   * @param replicationError whether the host's replication channel is in error
   */
  public String push(int h, long nanos, int round, boolean replicationError) {
    StringBuilder lines = new StringBuilder(8 * 1024);
    String host = hostTags(h);
    String ts = " " + nanos + "\n";
    double wobble = Math.sin(round * 0.7 + h) * 0.5;
    for (int c = -1; c < CORES; c++) {
      double user = 20 + (h + c) % 30 + wobble;
      lines
          .append("cpu,cpu=")
          .append(c < 0 ? "cpu-total" : "cpu" + c)
          .append(host)
          .append(" usage_user=")
          .append(num(user))
          .append(",usage_system=")
          .append(num(user / 4))
          .append(",usage_iowait=0.5,usage_idle=")
          .append(num(100 - user * 1.25 - 0.5))
          .append(ts);
    }
    lines
        .append("system")
        .append(host)
        .append(" load1=")
        .append(num(3 + wobble))
        .append(",load5=3.1,load15=3.2,n_cpus=16i,uptime=")
        .append(864_000 + round * INTERVAL_SECONDS)
        .append("i,processes=412i,threads=1630i")
        .append(ts);
    lines
        .append("mem")
        .append(host)
        .append(" total=68719476736i,available=20615843020i,used=48103633716i,used_percent=")
        .append(num(70 + wobble))
        .append(ts);
    disks(lines, h, host, ts, round);
    for (int d = 0; d < DISKIO_DEVICES; d++) {
      long ops = (long) round * 1000 + d;
      lines
          .append("diskio,name=sd")
          .append((char) ('a' + d))
          .append(host)
          .append(" reads=")
          .append(ops)
          .append("i,writes=")
          .append(ops * 2)
          .append("i,read_bytes=")
          .append(ops * 4096)
          .append("i,write_bytes=")
          .append(ops * 8192)
          .append("i,io_time=")
          .append(ops / 3)
          .append("i,queue_depth=1i")
          .append(ts);
    }
    for (int n = 0; n < NET_INTERFACES; n++) {
      long bytes = (long) round * 1_000_000 + n;
      lines
          .append("net,interface=")
          .append(n == 0 ? "lo" : "eth" + (n - 1))
          .append(host)
          .append(" bytes_recv=")
          .append(bytes)
          .append("i,bytes_sent=")
          .append(bytes / 2)
          .append("i,packets_recv=")
          .append(bytes / 900)
          .append("i,packets_sent=")
          .append(bytes / 1800)
          .append("i,err_in=0i,err_out=0i,drop_in=0i")
          .append(ts);
    }
    lines
        .append("ferry_agent")
        .append(host)
        .append(" buffered_points=0i,dropped_points=0i,push_errors=0i,pushed_points=")
        .append((long) round * SERIES_PER_HOST)
        .append('i')
        .append(ts);
    for (String source : new String[] {"mysql", "os"}) {
      lines
          .append("ferry_agent")
          .append(host)
          .append(",source=")
          .append(source)
          .append(" collect_ms=12i,points=25i,errors=0i,skipped=0i")
          .append(ts);
    }
    mysql(lines, h, ts, round, replicationError);
    return lines.toString();
  }

  /**
   * The measurement and a field every point of it carries, for each kind of point {@link #push}
   * writes: counting that field in InfluxDB counts the points ({@code ferry_agent} has two kinds:
   * the agent's own point and one per input).
   */
  public static List<CountedField> countedFields() {
    return List.of(
        new CountedField("cpu", "usage_user"),
        new CountedField("system", "load1"),
        new CountedField("mem", "total"),
        new CountedField("disk", "total"),
        new CountedField("diskio", "reads"),
        new CountedField("net", "bytes_recv"),
        new CountedField("ferry_agent", "pushed_points"),
        new CountedField("ferry_agent", "collect_ms"),
        new CountedField("mysql_up", "up"),
        new CountedField("mysql", "server_id"),
        new CountedField("mysql_replication", "state"));
  }

  /**
   * What host {@code h} pushed at {@code nanos} of the series that rules keep a window of ({@code
   * disk} and {@code mysql_replication}): history sent before a benchmark, so windows are full.
   */
  public String history(int h, long nanos, int round) {
    StringBuilder lines = new StringBuilder(2 * 1024);
    String ts = " " + nanos + "\n";
    disks(lines, h, hostTags(h), ts, round);
    replication(lines, h, ts, round, false);
    return lines.toString();
  }

  private static void disks(StringBuilder lines, int h, String host, String ts, int round) {
    for (int d = 0; d < DISK_PATHS.length; d++) {
      // Steady, from 20 to 69 % used, with a small wobble and no trend: no disk rule fires.
      double percent = 20 + (h * 7 + d * 13) % 50 + Math.sin(round * 0.3 + d) * 0.02;
      long total = 500_000_000_000L;
      long used = (long) (total * percent / 100);
      lines
          .append("disk,device=")
          .append(d == 1 ? "sda1" : d == 3 ? "nvme0n1p1" : "mapper/vg-" + d)
          .append(",fstype=")
          .append(d == 1 ? "ext2" : "xfs")
          .append(host)
          .append(",path=")
          .append(DISK_PATHS[d])
          .append(" total=")
          .append(total)
          .append("i,free=")
          .append(total - used)
          .append("i,used=")
          .append(used)
          .append("i,used_percent=")
          .append(num(percent))
          .append(",inodes_total=30000000i,inodes_free=29000000i,inodes_used=1000000i")
          .append(ts);
    }
  }

  private static void mysql(
      StringBuilder lines, int h, String ts, int round, boolean replicationError) {
    String server = mysqlTags(h);
    lines.append("mysql_up").append(server).append(" up=true").append(ts);
    boolean oldPrimary = h % 4 == 0;
    lines
        .append("mysql")
        .append(server)
        .append(" version=\"10.11.6-MariaDB\",server_id=")
        .append(h + 1)
        .append("i,read_only=")
        // Before the switch only the old primaries take writes.
        .append(oldPrimary ? "false" : "true")
        .append(",uptime=")
        .append(864_000 + round * INTERVAL_SECONDS)
        .append("i,threads_connected=40i,threads_running=3i,questions=")
        .append((long) round * 25_000)
        .append("i,auto_increment_increment=1000i,auto_increment_offset=")
        .append(h / 4 % 1000 + 1)
        .append('i')
        .append(ts);
    replication(lines, h, ts, round, replicationError);
  }

  private static void replication(
      StringBuilder lines, int h, String ts, int round, boolean replicationError) {
    lines.append("mysql_replication").append(mysqlTags(h));
    lines.append(",channel=default,source_host=").append(hostName(source(h)));
    lines.append(",source_port=3306");
    if (replicationError) {
      lines.append(
          " state=\"error\",io_running=true,sql_running=false,io_state=\"running\""
              + ",sql_state=\"stopped\",lag_known=false,heartbeat_age_known=true"
              + ",heartbeat_lag_seconds=4.2,last_sql_errno=1062i"
              + ",last_sql_error=\"Duplicate entry '42' for key 'PRIMARY'\"");
    } else {
      double lag = (round + h) % 3;
      lines
          .append(
              " state=\"running\",io_running=true,sql_running=true,io_state=\"running\""
                  + ",sql_state=\"running\",lag_known=true,lag_seconds=")
          .append((long) lag)
          .append("i,heartbeat_age_known=true,heartbeat_lag_seconds=")
          .append(num(lag + 0.25));
    }
    lines
        .append(",relay_log_space=")
        .append(1_048_576L + round)
        .append("i,using_gtid=\"Slave_Pos\",sql_delay=0i")
        .append(ts);
  }

  /** A replica replicates from its primary; the primaries from each other. */
  private static int source(int h) {
    int shard = h / 4 * 4;
    return switch (h % 4) {
      case 0 -> shard + 2;
      case 2 -> shard;
      default -> h - 1;
    };
  }

  private static String hostTags(int h) {
    return ",cluster=" + (h % 4 < 2 ? "old" : "new") + ",host=" + hostName(h);
  }

  private static String mysqlTags(int h) {
    return ",cluster="
        + (h % 4 < 2 ? "old" : "new")
        + ",flavor=mariadb,host="
        + hostName(h)
        + ",role="
        + (isReplica(h) ? "replica" : "primary")
        + ",server=local";
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
