package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.testkit.LocalMariaDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-load} on the real stack: a status variable held above its limit pauses the data
 * comparison, which says so and resumes once the value falls back.
 */
class ThrottleOnStackTest {

  @Test
  void pausesWhileAStatusVariableIsAboveItsLimitAndResumesWhenItFalls() throws Exception {
    String db = "cut_throttle";
    createDatabase(
        db,
        "CREATE TABLE items (id INT PRIMARY KEY, v INT)",
        "INSERT INTO items SELECT seq, seq FROM seq_1_to_2000");
    LocalMariaDb oldPrimary = StackFixture.stack().oldPrimary();
    List<Connection> crowd = new ArrayList<>();
    try {
      long before =
          Long.parseLong(
              StackFixture.query(
                  oldPrimary,
                  "SELECT VARIABLE_VALUE FROM"
                      + " information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'THREADS_CONNECTED'"));
      // the comparison's own few connections stay below the limit; the crowd pushes it over
      long limit = before + 15;
      for (int i = 0; i < 30; i++) {
        crowd.add(oldPrimary.connectAdmin());
      }
      List<String> told = new ArrayList<>();
      ProgressListener listener =
          new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {}

            @Override
            public void onPause(String reason) {
              told.add("pause: " + reason);
              closeAll(crowd);
            }

            @Override
            public void onResume(Duration paused) {
              told.add("resume");
            }
          };

      TableDataResult items =
          DataComparatorTest.compare(
                  ComparisonOptions.builder()
                      .tableFilter(new TableFilter(List.of(db), List.of()))
                      .maxLoad(List.of(new LoadLimit("Threads_connected", limit)))
                      .throttlePause(Duration.ofMillis(100))
                      .maxThrottleWait(Duration.ofSeconds(30))
                      .progressListener(listener)
                      .build())
              .get(0);

      assertThat(told).hasSize(2);
      assertThat(told.get(0)).matches("pause: Threads_connected \\d+ > " + limit);
      assertThat(told.get(1)).isEqualTo("resume");
      assertThat(items.status()).as(items.summary()).isEqualTo(Status.PASS);
      assertThat(items.rowsOld()).isEqualTo(2000);
    } finally {
      closeAll(crowd);
      dropDatabase(db);
    }
  }

  @Test
  void aReplicaBehindByItsHeartbeatPausesTheComparisonUntilTheLongestWait() throws Exception {
    String db = "cut_throttle_lag";
    createDatabase(
        db,
        "CREATE TABLE heartbeat (ts varchar(26) NOT NULL, server_id int unsigned NOT NULL"
            + " PRIMARY KEY)",
        "INSERT INTO heartbeat VALUES (DATE_FORMAT(UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE,"
            + " '%Y-%m-%dT%H:%i:%s.%f'), "
            + StackFixture.stack().oldPrimary().serverId()
            + ")");
    try {
      List<String> told = new ArrayList<>();
      List<TableDataResult> results =
          DataComparatorTest.compare(
              ComparisonOptions.builder()
                  .tableFilter(new TableFilter(List.of(db), List.of()))
                  .heartbeatTable(db + ".heartbeat")
                  .maxLoad(List.of())
                  .throttlePause(Duration.ofMillis(200))
                  .maxThrottleWait(Duration.ofSeconds(1))
                  .progressListener(
                      new ProgressListener() {
                        @Override
                        public void onProgress(Progress progress) {}

                        @Override
                        public void onPause(String reason) {
                          told.add(reason);
                        }
                      })
                  .build());

      TableDataResult heartbeat = results.get(0);
      assertThat(heartbeat.finished()).isFalse();
      assertThat(heartbeat.summary())
          .matches(
              "could not finish: servers stayed busy for 1 s \\(replica lag 6\\d\\d\\.\\d s > 5 s\\)");
      assertThat(told).first().asString().startsWith("replica lag 6");
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void aStatusVariableThatDoesNotExistStopsTheDataComparisonByName() {
    assertThatThrownBy(
            () ->
                DataComparatorTest.compare(
                    ComparisonOptions.builder()
                        .maxLoad(List.of(new LoadLimit("Threads_runing", 25)))
                        .build()))
        .isInstanceOf(SQLException.class)
        .hasMessage(
            "max-load names status variable Threads_runing, which the old primary does not"
                + " report as a number in SHOW GLOBAL STATUS");
  }

  private static void closeAll(List<Connection> connections) {
    for (Connection connection : connections) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already gone: what the test wanted
      }
    }
    connections.clear();
  }
}
