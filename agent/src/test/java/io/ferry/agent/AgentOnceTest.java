package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ferry-agent --once} as a deployment smoke test: against the real MariaDB of the shared
 * stack, it exits 0 only when every input worked, and names the input that did not.
 */
class AgentOnceTest {

  @TempDir Path dir;
  private Vertx vertx;
  private FakeCollector collector;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    collector = new FakeCollector(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    collector.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void succeedsWhenTheMySqlLoginWorks() throws Exception {
    int exit = once(SharedStack.get().oldReplica().port(), MigrationStack.AGENT_PASSWORD);

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("once: DELIVERED").contains("0 inputs failed");
  }

  @Test
  void failsNamingTheInputWhenTheMySqlLoginIsRefused() throws Exception {
    int exit = once(SharedStack.get().oldReplica().port(), "not-the-password");

    assertThat(exit).isEqualTo(AgentMain.EXIT_PUSH_FAILED);
    assertThat(err.toString())
        .contains("once: input mysql:old-replica failed")
        .contains("Access denied for user 'ferry_agent'")
        .contains("1 inputs failed")
        .doesNotContain("not-the-password");
    // The points that were read (the agent's own, mysql_up) were still delivered.
    assertThat(collector.received()).isNotEmpty();
  }

  @Test
  void failsNamingTheInputWhenTheServerIsUnreachable() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    int exit = once(closedPort, MigrationStack.AGENT_PASSWORD);

    assertThat(exit).isEqualTo(AgentMain.EXIT_PUSH_FAILED);
    assertThat(err.toString()).contains("once: input mysql:old-replica failed");
  }

  private int once(int mysqlPort, String password) throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(
        file,
        """
        agent: {host: once-test, jitter: false, state_directory: %s}
        collector: {url: %s, token: t0k, timeout: 5s}
        inputs:
          os: {enabled: false}
          mysql:
            - name: old-replica
              port: %d
              user: %s
              password: '%s'
              connect_timeout: 3s
        """
            .formatted(dir, collector.url(), mysqlPort, MigrationStack.AGENT_USER, password));
    return new CommandLine(new AgentMain())
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err, true))
        .execute("--config", file.toString(), "--once");
  }
}
