package io.ferry.agent.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ferry.agent.input.mysql.MySqlInput;
import io.ferry.agent.input.mysql.MySqlInputConfig;
import io.ferry.agent.input.os.OsInputConfig;
import io.ferry.agent.input.os.OshiOsInput;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.testkit.LocalExporter;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.PrometheusSamples;
import io.ferry.testkit.SharedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's figures against the exporters it replaces, Debian's {@code prometheus-node-exporter}
 * and {@code prometheus-mysqld-exporter}, read from the same machine and server at the same moment.
 * Quantities that do not move (memory and file-system sizes, CPU count, thread states) must be
 * equal; quantities that move are compared over the same window with a tolerance that says why.
 */
class ExporterCrossCheckTest {

  @TempDir Path stateDir;

  @Test
  void osInputAgreesWithNodeExporter() throws Exception {
    try (LocalExporter node = LocalExporter.nodeExporter(stateDir)) {
      var source = new OshiOsInput(OsInputConfig.defaults());
      PrometheusSamples before = node.scrape();
      source.collect(new CollectingAccumulator());
      // CPU usage over the same 5 s window: the two windows differ only by the time one scrape
      // and one collection take, so on a busy machine they can disagree by a few points.
      Thread.sleep(5_000);
      var collected = new CollectingAccumulator();
      source.collect(collected);
      PrometheusSamples after = node.scrape();
      assertThat(collected.errors()).isEmpty();

      Point mem = only(collected.points(), "mem");
      assertThat(integer(mem, "total"))
          .isEqualTo((long) after.value("node_memory_MemTotal_bytes").getAsDouble());
      // Available memory moves by what other processes allocate between the two reads.
      assertThat((double) integer(mem, "available"))
          .isCloseTo(
              after.value("node_memory_MemAvailable_bytes").getAsDouble(),
              within(0.02 * integer(mem, "total")));

      Set<String> cpus =
          after.named("node_cpu_seconds_total").stream()
              .map(s -> s.labels().get("cpu"))
              .collect(Collectors.toSet());
      assertThat(integer(only(collected.points(), "system"), "n_cpus")).isEqualTo(cpus.size());

      double nodeIdle = idlePercent(before, after);
      double agentIdle = number(only(collected.points(), "cpu"), "usage_idle");
      assertThat(agentIdle).isCloseTo(nodeIdle, within(10.0));

      List<Point> disks =
          collected.points().stream().filter(p -> p.measurement().equals("disk")).toList();
      int compared = 0;
      for (Point disk : disks) {
        String path = disk.tags().get("path");
        var size = after.value("node_filesystem_size_bytes", "mountpoint", path);
        if (size.isEmpty()) {
          continue; // a file-system type node_exporter leaves out by default
        }
        compared++;
        assertThat(integer(disk, "total")).as(path).isEqualTo((long) size.getAsDouble());
        // Free space moves with whatever writes to the disk meanwhile (the build, the servers).
        assertThat((double) integer(disk, "free"))
            .as(path)
            .isCloseTo(
                after.value("node_filesystem_avail_bytes", "mountpoint", path).getAsDouble(),
                within(0.01 * integer(disk, "total")));
        assertThat(integer(disk, "inodes_total"))
            .as(path)
            .isEqualTo(
                (long) after.value("node_filesystem_files", "mountpoint", path).getAsDouble());
      }
      assertThat(compared).as("file systems both report: " + disks).isPositive();
    }
  }

  @Test
  void mysqlInputAgreesWithMysqldExporterOnThreadStatesAndLag() throws Exception {
    MigrationStack stack = SharedStack.get();
    LocalMariaDb replica = stack.oldReplica();
    try (LocalExporter mysqld =
            LocalExporter.mysqldExporter(
                stateDir,
                replica.port(),
                MigrationStack.AGENT_USER,
                MigrationStack.AGENT_PASSWORD);
        MySqlInput source = source(replica)) {
      replica.execute("STOP SLAVE SQL_THREAD");
      try {
        Point stopped = replication(source);
        PrometheusSamples exporter = mysqld.scrape();
        assertThat(stopped.fields()).containsEntry("state", FieldValue.of("sql_stopped"));
        assertThat(stopped.fields()).containsEntry("lag_known", FieldValue.of(false));
        assertThat(exporter.value("mysql_slave_status_slave_sql_running")).hasValue(0);
        assertThat(exporter.value("mysql_slave_status_slave_io_running")).hasValue(1);
        // The exporter has no value for an unknown lag either: Seconds_Behind_Master is NULL.
        assertThat(exporter.value("mysql_slave_status_seconds_behind_master")).isEmpty();
      } finally {
        replica.execute("START SLAVE SQL_THREAD");
      }

      stack.awaitReplicationCaughtUp(Duration.ofSeconds(30));
      Point running = replication(source);
      PrometheusSamples exporter = mysqld.scrape();
      assertThat(running.fields()).containsEntry("state", FieldValue.of("running"));
      assertThat(exporter.value("mysql_slave_status_slave_sql_running")).hasValue(1);
      assertThat(exporter.value("mysql_slave_status_slave_io_running")).hasValue(1);
      // Caught up and idle: both read Seconds_Behind_Master 0 (a write landing between the two
      // reads could make one of them 1).
      assertThat(number(running, "lag_seconds"))
          .isCloseTo(
              exporter.value("mysql_slave_status_seconds_behind_master").getAsDouble(),
              within(1.0));

      Point server = only(collect(source).points(), "mysql");
      assertThat(server.fields().get("read_only"))
          .isEqualTo(
              FieldValue.of(exporter.value("mysql_global_variables_read_only").getAsDouble() == 1));
      assertThat(integer(server, "server_id"))
          .isEqualTo((long) exporter.value("mysql_global_variables_server_id").getAsDouble());
    }
  }

  private static MySqlInput source(LocalMariaDb server) {
    return new MySqlInput(
        new MySqlInputConfig(
            "old-replica",
            "127.0.0.1",
            server.port(),
            MigrationStack.AGENT_USER,
            MigrationStack.AGENT_PASSWORD,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Map.of(),
            Optional.empty()));
  }

  private static CollectingAccumulator collect(MySqlInput source) throws Exception {
    var collected = new CollectingAccumulator();
    source.collect(collected);
    assertThat(collected.errors()).isEmpty();
    return collected;
  }

  private static Point replication(MySqlInput source) throws Exception {
    return only(collect(source).points(), "mysql_replication");
  }

  /** Idle time as a percentage of all CPU time between two node_exporter scrapes. */
  private static double idlePercent(PrometheusSamples before, PrometheusSamples after) {
    double idle = 0;
    double total = 0;
    for (var sample : after.named("node_cpu_seconds_total")) {
      double start =
          before
              .value(
                  "node_cpu_seconds_total",
                  "cpu",
                  sample.labels().get("cpu"),
                  "mode",
                  sample.labels().get("mode"))
              .orElse(0);
      double delta = sample.value() - start;
      total += delta;
      if (sample.labels().get("mode").equals("idle")) {
        idle += delta;
      }
    }
    return 100.0 * idle / total;
  }

  private static Point only(List<Point> points, String measurement) {
    List<Point> found = points.stream().filter(p -> p.measurement().equals(measurement)).toList();
    assertThat(found).as(measurement).hasSize(1);
    return found.get(0);
  }

  private static long integer(Point point, String field) {
    FieldValue value = point.fields().get(field);
    assertThat(value)
        .as(point.measurement() + "." + field)
        .isInstanceOf(FieldValue.IntegerValue.class);
    return ((FieldValue.IntegerValue) value).value();
  }

  private static double number(Point point, String field) {
    FieldValue value = point.fields().get(field);
    assertThat(value)
        .as(point.measurement() + "." + field)
        .isInstanceOf(FieldValue.FloatValue.class);
    return ((FieldValue.FloatValue) value).value();
  }
}
