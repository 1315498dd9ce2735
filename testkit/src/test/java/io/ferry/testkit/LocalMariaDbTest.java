package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMariaDbTest {

  @TempDir Path stateDir;

  @Test
  void startsAnsweringServerAndCloseLeavesNoProcess() throws Exception {
    MariaDbOptions options = MariaDbOptions.builder("solo").serverId(7).gtidDomainId(5).build();
    long pid;
    try (LocalMariaDb server = LocalMariaDb.start(stateDir, options)) {
      pid = server.pid();
      assertThat(ProcessHandle.of(pid)).map(ProcessHandle::isAlive).contains(true);
      assertThat(Files.readString(stateDir.resolve("solo/process.pid")).strip())
          .isEqualTo(Long.toString(pid));
      try (Connection connection = server.connectAdmin();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT @@server_id, @@gtid_domain_id, @@port")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(7);
        assertThat(rs.getInt(2)).isEqualTo(5);
        assertThat(rs.getInt(3)).isEqualTo(server.port());
      }
    }
    Optional<ProcessHandle> after = ProcessHandle.of(pid);
    assertThat(after.map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(stateDir.resolve("solo/process.pid")).doesNotExist();
  }

  @Test
  void executeNamesInstanceAndStatementButHidesPasswords() {
    LocalMariaDb server = SharedStack.get().oldPrimary();

    assertThatThrownBy(
            () ->
                server.execute(
                    "SELECT 1", "ALTER USER 'nobody'@'127.0.0.1' IDENTIFIED BY 'hunter2'"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "old-primary: [ALTER USER 'nobody'@'127.0.0.1' IDENTIFIED BY '***']")
        .hasMessageContaining("error 1396")
        .hasMessageNotContaining("hunter2");
  }
}
