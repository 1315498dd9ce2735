package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentMainTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new AgentMain())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void checkConfigPrintsTheEffectiveConfigWithSecretsMasked() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "very-secret\n");
    Path file = dir.resolve("agent.yml");
    Files.writeString(
        file,
        "agent: {host: db1}\ncollector: {url: 'http://127.0.0.1:8086', token_file: '"
            + token
            + "'}\n");

    int exit = run("--check-config", file.toString());

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("  host: 'db1'", "  interval: 10s", "  token: '****'", "  mysql: []")
        .doesNotContain("very-secret");
  }

  @Test
  void checkConfigReportsAnErrorWithoutAStackTrace() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "agent:\n  host: db1\n  interval: 10x\n");

    int exit = run("--check-config", file.toString());

    assertThat(exit).isEqualTo(AgentMain.EXIT_BAD_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(
            file
                + " line 3: agent.interval: expected a positive duration such as 100ms, 10s, 5m or"
                + " 1h, got \"10x\"");
  }

  @Test
  void missingFileIsReported() {
    int exit = run("--config", dir.resolve("absent.yml").toString(), "--once");

    assertThat(exit).isEqualTo(AgentMain.EXIT_BAD_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(dir.resolve("absent.yml") + ": configuration file does not exist");
  }

  @Test
  void printsItsVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("ferry-agent ");
  }
}
