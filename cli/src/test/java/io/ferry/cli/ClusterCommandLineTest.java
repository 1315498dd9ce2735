package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ferry check-config} and {@code ferry collector} with a {@code cluster:} section. */
class ClusterCommandLineTest {

  private static final String BASE =
      """
      listen: {host: 127.0.0.1, port: 0}
      auth:
        tokens:
          - {name: fleet, token: command-line-token}
      influxdb: {url: "http://127.0.0.1:1", api: v1}
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new FerryCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void checkConfigSaysWhichClusterAndNeverShowsTheSecret() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("collector.yml"),
            BASE
                + "cluster:\n"
                + "  member: 10.0.0.11:5701\n"
                + "  members: [10.0.0.11:5701, 10.0.0.12:5701]\n"
                + "  secret: the-secret-never-printed\n");

    assertThat(run("check-config", file.toString())).isZero();
    assertThat(out.toString())
        .contains(", cluster ferry as 10.0.0.11:5701 with 2 member address(es))")
        .doesNotContain("the-secret-never-printed");
  }

  @Test
  void aClusterPortInUseIsOneLineNamingTheMember() throws Exception {
    try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path file =
          Files.writeString(
              dir.resolve("collector.yml"),
              BASE
                  + "cluster:\n"
                  + "  member: 127.0.0.1:%d\n".formatted(port)
                  + "  members: [127.0.0.1:%d]\n".formatted(port)
                  + "  secret: a-secret-every-member-shares\n"
                  + "  event_bus_port: 0\n");

      int exit = run("collector", "--config", file.toString());

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("ferry collector: cannot join the cluster as 127.0.0.1:" + port)
          .contains("Port [" + port + "] is already in use");
    }
  }
}
