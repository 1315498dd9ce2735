package io.ferry.lineprotocol.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Line-protocol bodies of {@link #LINES} lines each, generated from a fixed seed so that every run
 * parses the same text.
 */
final class BenchmarkBodies {

  /** Lines per body: one agent batch (the agent's and the collector's default batch size). */
  static final int LINES = 5_000;

  /** 2023-11-14T22:13:20Z in nanoseconds; one point every 10 s from there. */
  private static final long START_NANOS = 1_700_000_000_000_000_000L;

  private BenchmarkBodies() {}

  /**
   * What the Ferry agent sends (see docs/metrics.md): {@code cpu}, {@code mem}, {@code disk} and
   * {@code mysql_replication} points with the agent's global tags ({@code host}, {@code dc}, {@code
   * role}), 3 to 6 tags, 7 to 20 fields of every type, nanosecond timestamps.
   */
  static String agent() {
    return agent(0);
  }

  /**
   * {@link #FLEET_BODIES} bodies like {@link #agent()}'s, each from other hosts and with other
   * values: what a collector parses one after the other, so that a body's texts are not all in the
   * processor's caches from the last time it was parsed.
   */
  static String[] fleet() {
    String[] bodies = new String[FLEET_BODIES];
    for (int i = 0; i < FLEET_BODIES; i++) {
      bodies[i] = agent(i);
    }
    return bodies;
  }

  /** Bodies of {@link #fleet()}: about 50 MB of text, well past any processor cache. */
  static final int FLEET_BODIES = 32;

  private static String agent(int body) {
    var random = new Random(8 + body);
    var out = new StringBuilder(LINES * 320);
    for (int line = 0; line < LINES; line++) {
      String host = "db-" + (body * 200 + line / 25 % 200) + ".prod";
      String global = ",dc=eu-west-" + (line % 3) + ",host=" + host + ",role=mysql";
      long time = START_NANOS + (line / 25) * 10_000_000_000L;
      switch (line % 25) {
        case 0, 1, 2, 3, 4, 5, 6, 7, 8 -> cpu(out, random, global, line % 25);
        case 9, 10 -> mem(out, random, global);
        case 11, 12, 13, 14, 15, 16 -> disk(out, random, global, line % 25 - 11);
        default -> mysqlReplication(out, random, global, line % 25 - 17);
      }
      out.append(' ').append(time).append('\n');
    }
    return out.toString();
  }

  private static void cpu(StringBuilder out, Random random, String global, int cpu) {
    out.append("cpu,cpu=").append(cpu == 8 ? "cpu-total" : "cpu" + cpu).append(global).append(' ');
    String[] fields = {
      "usage_user",
      "usage_nice",
      "usage_system",
      "usage_idle",
      "usage_iowait",
      "usage_irq",
      "usage_softirq",
      "usage_steal"
    };
    for (int i = 0; i < fields.length; i++) {
      out.append(i == 0 ? "" : ",").append(fields[i]).append('=');
      out.append(decimal(random.nextDouble() * 100, 10));
    }
  }

  private static void mem(StringBuilder out, Random random, String global) {
    out.append("mem").append(global).append(' ');
    long total = 25_777_266_688L;
    long used = (long) (total * random.nextDouble());
    out.append("total=").append(total).append('i');
    out.append(",available=").append(total - used).append('i');
    out.append(",used=").append(used).append('i');
    out.append(",used_percent=").append(decimal(100.0 * used / total, 6));
    out.append(",swap_total=2147479552i,swap_used=").append(random.nextInt(1 << 20)).append('i');
    out.append(",swap_used_percent=").append(decimal(random.nextDouble(), 8));
  }

  private static void disk(StringBuilder out, Random random, String global, int disk) {
    String[][] mounts = {
      {"/", "sda1", "ext4"},
      {"/var/lib/mysql", "nvme0n1p1", "xfs"},
      {"/var/log", "sda2", "ext4"},
      {"/boot", "sda3", "ext4"},
      {"/tmp", "tmpfs", "tmpfs"},
      {"/backup", "sdb1", "xfs"}
    };
    String[] mount = mounts[disk];
    out.append("disk,device=").append(mount[1]).append(global.substring(0, global.indexOf(",h")));
    out.append(",fstype=").append(mount[2]).append(global.substring(global.indexOf(",h")));
    out.append(",path=").append(mount[0]).append(' ');
    long total = 52_710_469_632L << disk;
    long used = (long) (total * random.nextDouble());
    out.append("total=").append(total).append('i');
    out.append(",free=").append(total - used).append('i');
    out.append(",used=").append(used).append('i');
    out.append(",used_percent=").append(decimal(100.0 * used / total, 6));
    out.append(",inodes_total=6520832i,inodes_free=").append(6_168_232 - random.nextInt(1000));
    out.append("i,inodes_used=").append(352_600 + random.nextInt(1000)).append('i');
  }

  private static void mysqlReplication(StringBuilder out, Random random, String global, int i) {
    boolean running = i != 7;
    out.append("mysql_replication,channel=").append(i < 4 ? "default" : "source_" + i);
    out.append(global).append(",source_host=db-old-").append(i % 2 + 1).append(".prod");
    out.append(",source_port=3306 ");
    long position = 4 + random.nextInt(1 << 30);
    String gtid = "0-1-" + (1_000_000 + random.nextInt(1_000_000));
    out.append("state=\"").append(running ? "running" : "sql_stopped").append('"');
    out.append(",io_running=true,sql_running=").append(running);
    out.append(",io_state=\"running\",sql_state=\"").append(running ? "running" : "stopped");
    out.append("\",lag_known=").append(running);
    if (running) {
      out.append(",lag_seconds=").append(random.nextInt(3)).append('i');
    }
    out.append(",last_io_errno=0i,last_sql_errno=").append(running ? "0" : "1062").append('i');
    if (!running) {
      out.append(
          ",last_sql_error=\"Error 'Duplicate entry \\\"42\\\" for key 'PRIMARY'' on query\"");
    }
    out.append(",relay_log_space=").append(position + 1024).append('i');
    out.append(",read_source_log_pos=").append(position).append('i');
    out.append(",exec_source_log_pos=").append(position - random.nextInt(4096)).append('i');
    out.append(",source_log_file=\"mysql-bin.000").append(100 + i).append('"');
    out.append(",relay_source_log_file=\"mysql-bin.000").append(100 + i).append('"');
    out.append(",using_gtid=\"Slave_Pos\",retrieved_gtid_set=\"").append(gtid);
    out.append("\",executed_gtid_set=\"").append(gtid).append('"');
    out.append(",source_server_id=").append(i % 2 + 1).append("i,sql_delay=0i");
    out.append(",heartbeat_age_known=true,heartbeat_lag_seconds=");
    out.append(decimal(random.nextDouble() * 2, 6));
  }

  /**
   * Telegraf 1.x output: the lines of {@code telegraf-sample.lp} (one database host, one interval),
   * repeated for as many hosts and intervals as {@link #LINES} takes.
   */
  static String telegraf() {
    List<String> sample = new ArrayList<>();
    try (InputStream in = BenchmarkBodies.class.getResourceAsStream("/telegraf-sample.lp")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          sample.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var out = new StringBuilder(LINES * 256);
    for (int line = 0; line < LINES; line++) {
      int round = line / sample.size();
      out.append(
              sample
                  .get(line % sample.size())
                  .replace("host=db-old-1", "host=db-" + (round % 100))
                  .replace(" 1700000010000000000", " " + (START_NANOS + round * 10_000_000_000L)))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Telegraf-like lines that need unescaping: spaces, commas and equals signs escaped in
   * measurements, tag keys and values and field keys (Windows counters, process command lines,
   * paths with spaces), and string fields with escaped quotes and backslashes.
   */
  static String escaped() {
    String[] templates = {
      "win_cpu,host=WIN-%d,instance=0,objectname=Processor Percent_Idle_Time=%s,"
          + "Percent_Processor_Time=%s,Percent_User_Time=%s %d",
      "win_disk,host=WIN-%d,instance=C:,objectname=LogicalDisk"
          + " Current_Disk_Queue_Length=%di,Free_Megabytes=%di,Percent_Free_Space=%s %d",
      "procstat,exe=mysqld,host=db-%d,process_name=mysqld,user=mysql"
          + " cmdline=\"/usr/sbin/mysqld --basedir=/usr --datadir=\\\"/var/lib/mysql\\\"\","
          + "cpu_usage=%s,memory_rss=%di,pid=%di %d",
      "web\\ check,host=web-%d,url=http://shop.example/search?q\\=a\\,b,title=Shop\\ search"
          + " response\\ time=%s,result=\"ok\",status\\=code=200i,size=%di %d",
      "mysql_query,host=db-%d,schema=shop"
          + " digest=\"SELECT * FROM `orders` WHERE note = \\\"C:\\\\temp\\\"\",count=%di,"
          + "sum_seconds=%s %d"
    };
    var random = new Random(80);
    var out = new StringBuilder(LINES * 200);
    for (int line = 0; line < LINES; line++) {
      int host = line / templates.length % 100;
      long time = START_NANOS + line / templates.length / 100 * 10_000_000_000L;
      String text =
          switch (line % templates.length) {
            case 0 ->
                String.format(
                    Locale.ROOT,
                    templates[0],
                    host,
                    decimal(random.nextDouble() * 100, 4),
                    decimal(random.nextDouble() * 100, 4),
                    decimal(random.nextDouble() * 100, 4),
                    time);
            case 1 ->
                String.format(
                    Locale.ROOT,
                    templates[1],
                    host,
                    random.nextInt(8),
                    random.nextInt(1 << 20),
                    decimal(random.nextDouble() * 100, 4),
                    time);
            case 2 ->
                String.format(
                    Locale.ROOT,
                    templates[2],
                    host,
                    decimal(random.nextDouble() * 400, 3),
                    random.nextInt(1 << 30),
                    1000 + random.nextInt(30000),
                    time);
            case 3 ->
                String.format(
                    Locale.ROOT,
                    templates[3],
                    host,
                    decimal(random.nextDouble(), 6),
                    random.nextInt(1 << 16),
                    time);
            default ->
                String.format(
                    Locale.ROOT,
                    templates[4],
                    host,
                    random.nextInt(100_000),
                    decimal(random.nextDouble() * 50, 6),
                    time);
          };
      out.append(text).append('\n');
    }
    return out.toString();
  }

  private static String decimal(double value, int fractionDigits) {
    return String.format(Locale.ROOT, "%." + fractionDigits + "f", value);
  }
}
