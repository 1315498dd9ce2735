package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shared stack's safety nets against one test breaking replication for the tests after it:
 * {@link MigrationStack#dropDatabase} waits for writes still on their way, and {@link
 * SharedStack#checkAfter} names the class that left replication broken and replaces the stack.
 */
class SharedStackTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(20);

  @Test
  void droppingRightAfterWritesOnBothPrimariesKeepsReplicationRunning() {
    MigrationStack stack = SharedStack.get();
    String database = "testkit_drop_race";
    stack.recreateDatabase(
        database, CATCH_UP, "CREATE TABLE events (id INT AUTO_INCREMENT PRIMARY KEY, n INT)");
    // Many small transactions on the new primary, then the drop on the old one at once: without
    // the wait the old primary drops first and then fails to apply the new primary's inserts.
    String[] inserts = new String[301];
    inserts[0] = "USE " + database;
    for (int i = 1; i < inserts.length; i++) {
      inserts[i] = "INSERT INTO events (n) VALUES (" + i + ")";
    }
    stack.newPrimary().execute(inserts);
    stack.oldPrimary().execute(inserts);

    stack.dropDatabase(database, CATCH_UP);

    assertThat(stack.replicationProblems(CATCH_UP)).isEmpty();
  }

  @Test
  void aClassThatLeavesReplicationBrokenIsNamedAndTheStackIsReplaced() {
    MigrationStack broken = SharedStack.get();
    String database = "testkit_broken";
    broken.recreateDatabase(database, CATCH_UP, "CREATE TABLE items (id INT PRIMARY KEY)");
    // The old replica already has the row, so applying the old primary's insert fails there
    // with a duplicate key (error 1062) and its SQL thread stops.
    broken
        .oldReplica()
        .execute("SET SESSION sql_log_bin = 0", "INSERT INTO " + database + ".items VALUES (1)");
    broken.oldPrimary().execute("INSERT INTO " + database + ".items VALUES (1)");

    assertThatThrownBy(() -> SharedStack.checkAfter("org.example.BreakingTest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.example.BreakingTest left replication")
        .hasMessageContaining("old-replica <- old-primary")
        .hasMessageContaining("Duplicate entry");

    MigrationStack fresh = SharedStack.get();
    assertThat(fresh).isNotSameAs(broken);
    assertThat(fresh.replicationProblems(CATCH_UP)).isEmpty();
    SharedStack.checkAfter("org.example.NextTest");
  }
}
