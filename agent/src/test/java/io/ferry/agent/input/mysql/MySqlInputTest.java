package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.lineprotocol.FieldValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The source against a port nobody listens on; needs no server. */
class MySqlInputTest {

  @Test
  void aDeadServerFailsWithAClearMessageAndReportsItselfDown() throws IOException {
    int port = freePort();
    var config =
        new MySqlInputConfig(
            "old-replica",
            "127.0.0.1",
            port,
            "ferry_agent",
            "s3cret-Password",
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Map.of("cluster", "old"),
            Optional.empty());
    var accumulator = new RecordingAccumulator();

    try (var source = new MySqlInput(config)) {
      assertThat(source.name()).isEqualTo("mysql:old-replica");
      assertThatThrownBy(() -> source.collect(accumulator))
          .isInstanceOf(MySqlInputException.class)
          .hasMessage(
              "mysql old-replica (127.0.0.1:" + port + "): cannot connect: Connection refused")
          .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cret-Password"));
    }

    var up = accumulator.single("mysql_up");
    assertThat(up.fields())
        .containsExactly(
            Map.entry("up", FieldValue.of(false)),
            Map.entry("error", FieldValue.of("cannot connect: Connection refused")));
    assertThat(up.tags())
        .containsExactly(Map.entry("cluster", "old"), Map.entry("server", "old-replica"));
    assertThat(accumulator.points).hasSize(1);
  }

  @Test
  void theConfigNeverPrintsThePassword() {
    var config =
        new MySqlInputConfig(
            "db1", "127.0.0.1", 3306, "ferry_agent", "s3cret-Password", null, null, null, null);

    assertThat(config.toString()).doesNotContain("s3cret-Password");
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
