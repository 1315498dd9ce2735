package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FerryCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new FerryCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("collector.yml"), yaml);
  }

  @Test
  void collectorWithABadConfigExits2WithOneLineNamingKeyAndLine() throws Exception {
    Path file =
        config("auth:\n  tokens:\n    - {name: a, token: t}\ninfluxdb:\n  flush_interval: soon\n");

    int exit = run("collector", "--config", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            file
                + " line 5: influxdb.flush_interval: expected a duration of 0 or more such as 0ms,"
                + " 20ms or 1s, got \"soon\"");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void checkConfigReportsErrorsLikeTheCollector() throws Exception {
    Path file = config("auth:\n  tokens:\n    - {name: a, token: t, colour: red}\n");

    int exit = run("check-config", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .isEqualTo(
            file
                + " line 3: auth.tokens[0].colour: unknown key (known keys: name, token,"
                + " token_file, rate_limit)"
                + System.lineSeparator());
  }

  @Test
  void checkConfigAcceptsAValidFile() throws Exception {
    Path file = config("auth:\n  tokens:\n    - {name: a, token: t}\ninfluxdb: {api: v1}\n");

    int exit = run("check-config", file.toString());

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains(
            ": OK (listen http://127.0.0.1:8186, 1 token(s), InfluxDB http://127.0.0.1:8086 with v1 API");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aMissingConfigFileIsOneLineToo() {
    int exit = run("collector", "--config", dir.resolve("absent.yml").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .endsWith("configuration file does not exist");
  }

  @Test
  void versionNamesTheBuild() {
    int exit = run("--version");

    assertThat(exit).isZero();
    assertThat(out.toString().strip()).matches("ferry \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void noSubcommandPrintsUsageAndExits2() {
    int exit = run();

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("collector", "check-config");
  }
}
