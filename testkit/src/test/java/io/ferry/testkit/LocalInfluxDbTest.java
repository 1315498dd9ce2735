package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfluxDbTest {

  @TempDir Path stateDir;

  @Test
  void writesAndQueriesRowsAndCloseLeavesNoProcess() throws Exception {
    long pid;
    try (LocalInfluxDb influx = LocalInfluxDb.start(stateDir)) {
      pid = influx.pid();
      assertThat(influx.url()).isEqualTo("http://127.0.0.1:" + influx.port());
      assertThat(stateDir.resolve("influxdb/process.pid")).exists();

      influx.createDatabase("metrics");
      influx.writeLines(
          "metrics",
          "cpu,host=a usage=1.5 1700000000000000000\ncpu,host=b usage=2.5 1700000000000000000\n");
      List<Map<String, Object>> rows =
          influx.queryRows("metrics", "SELECT usage FROM cpu GROUP BY host");

      assertThat(rows)
          .containsExactly(
              Map.of("time", 1700000000000000000L, "usage", 1.5, "host", "a"),
              Map.of("time", 1700000000000000000L, "usage", 2.5, "host", "b"));
      assertThat(influx.queryJson("metrics", "SHOW MEASUREMENTS")).contains("\"cpu\"");
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(stateDir.resolve("influxdb/process.pid")).doesNotExist();
  }

  @Test
  void rejectedStatementAndBadLinesAreReportedByName() throws Exception {
    try (LocalInfluxDb influx = LocalInfluxDb.start(stateDir)) {
      assertThatThrownBy(() -> influx.queryRows("missing", "SELECT * FROM cpu"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("database not found: missing");
      influx.createDatabase("metrics");
      assertThatThrownBy(() -> influx.writeLines("metrics", "cpu usage=\n"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("answered 400")
          .hasMessageContaining("write to metrics");
    }
  }
}
