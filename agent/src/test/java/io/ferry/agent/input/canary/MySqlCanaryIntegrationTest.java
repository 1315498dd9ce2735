package io.ferry.agent.input.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.SharedStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The canary against the real MariaDB of the shared test stack. */
class MySqlCanaryIntegrationTest {

  private static final SloBuckets BUCKETS =
      SloBuckets.of(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));

  private static LocalMariaDb server;

  @BeforeAll
  static void startStack() {
    server = SharedStack.get().oldReplica();
  }

  @Test
  void aGoodStatementIsTimedAndCountsItsRows() {
    try (var canary = canary("SELECT 1 UNION ALL SELECT 2", LocalMariaDb.ADMIN_PASSWORD)) {
      CollectingAccumulator first = collect(canary);
      CollectingAccumulator second = collect(canary);

      Point result = single(second, MySqlCanary.MEASUREMENT);
      assertThat(result.tags()).containsEntry("canary", "replica-read");
      assertThat(result.fields())
          .containsEntry("success", FieldValue.of(true))
          .containsEntry("rows", FieldValue.of(2L))
          .containsKey("duration_seconds")
          .doesNotContainKeys("error", "connect_seconds");
      assertThat(single(first, MySqlCanary.MEASUREMENT).fields()).containsKey("connect_seconds");
      assertThat(single(second, MySqlCanary.DURATION_MEASUREMENT).fields())
          .containsEntry("count", FieldValue.of(2L))
          .containsKeys("le_0.1", "le_1", "le_10", "sum");
      assertThat(single(second, MySqlCanary.COUNT_MEASUREMENT).fields())
          .containsEntry("total", FieldValue.of(2L))
          .containsEntry("ok", FieldValue.of(2L));
      assertThat(second.errors()).isEmpty();
    }
  }

  @Test
  void aFailingStatementIsReportedWithTheServersErrorAndTheNextRunWorksAgain() {
    try (var canary =
        canary("SELECT * FROM no_such_db.no_such_table", LocalMariaDb.ADMIN_PASSWORD)) {
      CollectingAccumulator collected = collect(canary);

      Point result = single(collected, MySqlCanary.MEASUREMENT);
      assertThat(result.fields())
          .containsEntry("success", FieldValue.of(false))
          .containsEntry("failure", FieldValue.of("statement"))
          .doesNotContainKey("duration_seconds");
      assertThat(result.fields().get("error").toString()).contains("no_such_db");
      assertThat(collected.errors()).containsKey("statement");
      assertThat(single(collected, MySqlCanary.DURATION_MEASUREMENT).fields())
          .containsEntry("count", FieldValue.of(0L));
      assertThat(single(collected, MySqlCanary.COUNT_MEASUREMENT).fields())
          .containsEntry("total", FieldValue.of(1L))
          .containsEntry("ok", FieldValue.of(0L));
    }
  }

  @Test
  void aRefusedLoginNamesNoPassword() {
    String wrongPassword = "not-the-password-4711";
    try (var canary = canary("SELECT 1", wrongPassword)) {
      Point result = single(collect(canary), MySqlCanary.MEASUREMENT);

      assertThat(result.fields())
          .containsEntry("success", FieldValue.of(false))
          .containsEntry("failure", FieldValue.of("connect"));
      assertThat(result.fields().get("error").toString())
          .contains("Access denied")
          .doesNotContain(wrongPassword);
    }
  }

  @Test
  void aStatementOverItsTimeoutIsCancelledAndCountedAsSlow() {
    var config =
        new CanaryConfig(
            "slow",
            "127.0.0.1",
            server.port(),
            LocalMariaDb.ADMIN_USER,
            LocalMariaDb.ADMIN_PASSWORD,
            "",
            "SELECT SLEEP(5)",
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            BUCKETS,
            Map.of());
    try (var canary = new MySqlCanary(config)) {
      CollectingAccumulator collected = collect(canary);

      assertThat(single(collected, MySqlCanary.MEASUREMENT).fields())
          .containsEntry("success", FieldValue.of(false))
          .containsEntry("failure", FieldValue.of("statement"))
          .containsKey("duration_seconds");
      assertThat(single(collected, MySqlCanary.DURATION_MEASUREMENT).fields())
          .containsEntry("count", FieldValue.of(1L))
          .containsEntry("le_0.1", FieldValue.of(0L));
    }
  }

  private static MySqlCanary canary(String statement, String password) {
    return new MySqlCanary(
        new CanaryConfig(
            "replica-read",
            "127.0.0.1",
            server.port(),
            LocalMariaDb.ADMIN_USER,
            password,
            "",
            statement,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            BUCKETS,
            Map.of()));
  }

  private static CollectingAccumulator collect(MySqlCanary canary) {
    var collected = new CollectingAccumulator();
    canary.collect(collected);
    return collected;
  }

  private static Point single(CollectingAccumulator collected, String measurement) {
    var found =
        collected.points().stream().filter(p -> p.measurement().equals(measurement)).toList();
    assertThat(found).as(measurement).hasSize(1);
    return found.get(0);
  }
}
