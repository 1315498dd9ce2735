package io.ferry.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.agent.input.mysql.MySqlInputConfig;
import io.ferry.agent.input.os.OsInputConfig;
import io.ferry.agent.spool.SpoolConfig;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.Environment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String MINIMAL =
      """
      collector:
        url: http://127.0.0.1:8086
        token: secret-token
      """;

  private static AgentSettings parse(String yaml, Map<String, String> env) {
    return new ConfigLoader(Environment.of(env), () -> Optional.of("this-host"))
        .parse(yaml, "agent.yml");
  }

  private static AgentSettings parse(String yaml) {
    return parse(yaml, Map.of());
  }

  @Test
  void readsEveryOptionOfAFullFile() {
    AgentSettings settings =
        parse(
            """
            agent:
              host: db1
              interval: 500ms
              jitter: false
              tags: {cluster: old, role: replica}
              state_directory: /srv/ferry
            collector:
              url: https://collector.example:8086/
              token: abc
              timeout: 1m
              batch_max_points: 100
            spool:
              max_bytes: 2MiB
              replay_points_per_second: 300
            inputs:
              os: {enabled: false, per_cpu: true, fs_exclude_types: [tmpfs], net_include_loopback: true}
              mysql:
                - name: old-replica
                  host: 10.0.0.5
                  port: 3307
                  user: ferry_agent
                  password: pw
                  connect_timeout: 2s
                  query_timeout: 3s
                  tags: {dc: east}
            """);

    assertThat(settings.agent())
        .isEqualTo(
            new AgentConfig(
                "db1",
                Duration.ofMillis(500),
                false,
                Map.of("cluster", "old", "role", "replica"),
                Path.of("/srv/ferry")));
    assertThat(settings.spool())
        .isEqualTo(new SpoolConfig(Path.of("/srv/ferry/spool"), 2L * 1024 * 1024, 300));
    assertThat(settings.agent().globalTags())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("host", "db1", "cluster", "old", "role", "replica"));
    assertThat(settings.collector())
        .isEqualTo(
            new CollectorConfig(
                URI.create("https://collector.example:8086"), "abc", Duration.ofMinutes(1), 100));
    assertThat(settings.collector().writeUri())
        .hasToString("https://collector.example:8086/api/v2/write?precision=ns");
    assertThat(settings.os()).isEqualTo(new OsInputConfig(false, true, List.of("tmpfs"), true));
    assertThat(settings.mysql())
        .containsExactly(
            new MySqlInputConfig(
                "old-replica",
                "10.0.0.5",
                3307,
                "ferry_agent",
                "pw",
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Map.of("dc", "east"),
                Optional.empty()));
  }

  @Test
  void fillsDefaultsForEverythingLeftOut() {
    AgentSettings settings = parse(MINIMAL);

    assertThat(settings.agent())
        .isEqualTo(
            new AgentConfig(
                "this-host",
                AgentConfig.DEFAULT_INTERVAL,
                AgentConfig.DEFAULT_JITTER,
                Map.of(),
                Path.of(AgentConfig.DEFAULT_STATE_DIRECTORY)));
    assertThat(settings.spool())
        .isEqualTo(
            new SpoolConfig(
                Path.of(AgentConfig.DEFAULT_STATE_DIRECTORY, "spool"),
                SpoolConfig.DEFAULT_MAX_BYTES,
                SpoolConfig.DEFAULT_REPLAY_POINTS_PER_SECOND));
    assertThat(settings.collector().timeout()).isEqualTo(CollectorConfig.DEFAULT_TIMEOUT);
    assertThat(settings.collector().batchMaxPoints())
        .isEqualTo(CollectorConfig.DEFAULT_BATCH_MAX_POINTS);
    assertThat(settings.os()).isEqualTo(OsInputConfig.defaults());
    assertThat(settings.mysql()).isEmpty();
  }

  @Test
  void mysqlEntryDefaultsHostPortAndTimeouts() {
    AgentSettings settings = parse(MINIMAL + "inputs:\n  mysql:\n    - {name: db, user: mon}\n");

    assertThat(settings.mysql())
        .containsExactly(
            new MySqlInputConfig(
                "db", "127.0.0.1", 3306, "mon", "", null, null, Map.of(), Optional.empty()));
  }

  @Test
  void badDurationNamesFileLineKeyAndTheFormat() {
    String yaml = MINIMAL + "agent:\n  jitter: true\n  interval: 10x\n";

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "agent.yml line 6: agent.interval: expected a positive duration such as 100ms, 10s, 5m or"
                + " 1h, got \"10x\"");
  }

  @Test
  void unknownKeySuggestsTheClosestKnownOne() {
    String yaml = MINIMAL + "agent:\n  intervall: 10s\n";

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage(
            "agent.yml line 5: agent.intervall: unknown key (did you mean agent.interval?)");
  }

  @Test
  void unknownKeyInsideAListEntryNamesItsIndex() {
    String yaml = MINIMAL + "inputs:\n  mysql:\n    - name: a\n      user: u\n      prot: 3306\n";

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage(
            "agent.yml line 8: inputs.mysql[0].prot: unknown key (did you mean inputs.mysql[0].port?)");
  }

  @Test
  void missingRequiredValueIsNamed() {
    assertThatThrownBy(() -> parse("collector:\n  url: http://c:8086\n"))
        .hasMessage("agent.yml line 2: collector.token: is required");
    assertThatThrownBy(() -> parse("agent:\n  interval: 10s\n"))
        .hasMessage("agent.yml: collector.url: is required");
    assertThatThrownBy(() -> parse(MINIMAL + "inputs:\n  mysql:\n    - name: a\n"))
        .hasMessage("agent.yml line 6: inputs.mysql[0].user: is required");
  }

  @Test
  void outOfRangeAndWrongTypeValuesAreErrors() {
    assertThatThrownBy(() -> parse(MINIMAL + "spool:\n  max_bytes: 1KiB\n"))
        .hasMessage("agent.yml line 5: spool.max_bytes: must be at least 64KiB");
    assertThatThrownBy(() -> parse(MINIMAL + "spool:\n  replay_points_per_second: 0\n"))
        .hasMessage(
            "agent.yml line 5: spool.replay_points_per_second: expected a whole number of at least"
                + " 1, got \"0\"");
    assertThatThrownBy(() -> parse(MINIMAL + "agent:\n  jitter: maybe\n"))
        .hasMessage("agent.yml line 5: agent.jitter: expected true or false, got \"maybe\"");
    assertThatThrownBy(() -> parse("collector:\n  url: ftp://x\n  token: t\n"))
        .hasMessage(
            "agent.yml line 2: collector.url: expected an http:// or https:// URL with a host, got"
                + " \"ftp://x\"");
    assertThatThrownBy(() -> parse(MINIMAL + "agent:\n  tags: [a, b]\n"))
        .hasMessage("agent.yml line 5: agent.tags: expected a mapping (key: value)");
  }

  @Test
  void replacesEnvironmentReferencesInValues() {
    AgentSettings settings =
        parse(
            """
            collector:
              url: http://${COLLECTOR_HOST}:8086
              token: ${FERRY_TOKEN}
            """,
            Map.of("COLLECTOR_HOST", "collector1", "FERRY_TOKEN", "from-env"));

    assertThat(settings.collector().url()).hasToString("http://collector1:8086");
    assertThat(settings.collector().token()).isEqualTo("from-env");
  }

  @Test
  void ferryAgentVariablesOverrideTheFile() {
    AgentSettings settings =
        parse(
            MINIMAL + "agent:\n  interval: 10s\n",
            Map.of(
                "FERRY_AGENT_COLLECTOR_TOKEN", "override-token",
                "FERRY_AGENT_AGENT_INTERVAL", "30s",
                "FERRY_AGENT_INPUTS_OS_FS_EXCLUDE_TYPES", "tmpfs, nfs"));

    assertThat(settings.collector().token()).isEqualTo("override-token");
    assertThat(settings.agent().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.os().fsExcludeTypes()).containsExactly("tmpfs", "nfs");
  }

  @Test
  void badOverrideNamesTheVariable() {
    assertThatThrownBy(() -> parse(MINIMAL, Map.of("FERRY_AGENT_AGENT_INTERVAL", "soon")))
        .hasMessage(
            "environment variable FERRY_AGENT_AGENT_INTERVAL: agent.interval: expected a positive"
                + " duration such as 100ms, 10s, 5m or 1h, got \"soon\"");
  }

  @Test
  void readsTokenFromTokenFile(@TempDir Path dir) throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "  file-token\n");

    AgentSettings settings =
        parse("collector:\n  url: http://c:8086\n  token_file: " + tokenFile + "\n");

    assertThat(settings.collector().token()).isEqualTo("file-token");
  }

  @Test
  void duplicateMysqlNamesAreErrors() {
    String yaml =
        MINIMAL + "inputs:\n  mysql:\n    - {name: a, user: u}\n    - {name: a, user: u}\n";

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("agent.yml line 7: inputs.mysql[1].name: \"a\" is used by another mysql entry");
  }

  @Test
  void hostTagIsSetWithAgentHostOnly() {
    assertThatThrownBy(() -> parse(MINIMAL + "agent:\n  tags: {host: x}\n"))
        .hasMessage(
            "agent.yml line 5: agent.tags: host: set the host name with agent.host instead");
  }

  @Test
  void secretsNeverAppearInToString() {
    AgentSettings settings = parse(MINIMAL);

    assertThat(settings.toString()).doesNotContain("secret-token");
  }
}
