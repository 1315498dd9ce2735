package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An account with exactly the grants {@code --check-config} prints for MariaDB 10.5 and later (and
 * nothing else) reads everything the MySQL input reports, on the real stack's replica.
 */
class RequiredGrantsIntegrationTest {

  private static final String USER = "ferry_grants_it";
  private static final String PASSWORD = "grants-it-secret";
  private static final Duration CATCH_UP = Duration.ofSeconds(30);

  private static MigrationStack stack;
  private static MySqlInputConfig config;

  @BeforeAll
  static void createTheAccountWithThePrintedGrants() {
    stack = SharedStack.get();
    config =
        new MySqlInputConfig(
            "old-replica",
            "127.0.0.1",
            stack.oldReplica().port(),
            USER,
            PASSWORD,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Map.of(),
            Optional.empty());
    String mariaDbGrant =
        RequiredGrants.statements(config).stream()
            .filter(line -> line.contains("MariaDB 10.5 and later"))
            .findFirst()
            .orElseThrow();
    // The account is made on the old primary and replicates to every server.
    stack
        .oldPrimary()
        .execute(
            "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
            mariaDbGrant.substring(0, mariaDbGrant.indexOf(';')));
    stack.awaitReplicationCaughtUp(CATCH_UP);
  }

  @AfterAll
  static void dropTheAccount() {
    stack.oldPrimary().execute("DROP USER IF EXISTS '" + USER + "'@'%'");
    stack.awaitReplicationCaughtUp(CATCH_UP);
  }

  @Test
  void thePrintedGrantsAreEnoughForEveryFigure() throws Exception {
    try (var source = new MySqlInput(config)) {
      var collected = new RecordingAccumulator();
      source.collect(collected);

      assertThat(collected.errors).isEmpty();
      assertThat(collected.single("mysql_replication").fields())
          .containsEntry("state", FieldValue.of("running"))
          .containsEntry("lag_known", FieldValue.of(true));
      assertThat(collected.single("mysql").fields())
          .containsEntry("read_only", FieldValue.of(true))
          .containsKeys("gtid_executed", "threads_running", "questions");
    }
  }
}
