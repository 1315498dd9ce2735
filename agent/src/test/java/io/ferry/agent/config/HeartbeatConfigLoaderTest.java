package io.ferry.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.agent.input.mysql.HeartbeatConfig;
import io.ferry.agent.input.mysql.MySqlInputConfig;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.yamlconfig.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code inputs.mysql[].heartbeat}: defaults, errors and the effective configuration. */
class HeartbeatConfigLoaderTest {

  private static final String MYSQL_ENTRY =
      """
      collector: {url: "http://127.0.0.1:8086", token: t}
      inputs:
        mysql:
          - name: db
            user: mon
      """;

  private static MySqlInputConfig mysql(String heartbeatLines) {
    String yaml = MYSQL_ENTRY + heartbeatLines;
    return loader().parse(yaml, "agent.yml").mysql().get(0);
  }

  private static ConfigLoader loader() {
    return new ConfigLoader(Environment.of(Map.of()), () -> Optional.of("h"));
  }

  @Test
  void noHeartbeatUnlessATableIsNamed() {
    assertThat(mysql("").heartbeat()).isEmpty();
    assertThat(mysql("      heartbeat: {}\n").heartbeat()).isEmpty();
  }

  @Test
  void tableAloneReadsTheChannelsOwnSourceWithoutWriting() {
    assertThat(mysql("      heartbeat: {table: percona.heartbeat}\n").heartbeat())
        .contains(new HeartbeatConfig(new HeartbeatTable("percona", "heartbeat"), false, 0));
  }

  @Test
  void readsEveryOption() {
    String lines =
        """
              heartbeat:
                table: ops.hb
                update: true
                source_server_id: 4294967295
        """;

    assertThat(mysql(lines).heartbeat())
        .contains(new HeartbeatConfig(new HeartbeatTable("ops", "hb"), true, 4_294_967_295L));
  }

  @Test
  void aTableWithoutDatabaseIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> mysql("      heartbeat: {table: heartbeat}\n"))
        .hasMessage(
            "agent.yml line 6: inputs.mysql[0].heartbeat.table: expected a table name of the form"
                + " database.table, e.g. percona.heartbeat, got \"heartbeat\"");
  }

  @Test
  void optionsWithoutATableAreAnError() {
    assertThatThrownBy(() -> mysql("      heartbeat: {update: true}\n"))
        .hasMessageContaining("inputs.mysql[0].heartbeat.table: is required");
  }

  @Test
  void aNegativeServerIdIsAnError() {
    assertThatThrownBy(() -> mysql("      heartbeat: {table: a.b, source_server_id: -1}\n"))
        .hasMessageContaining(
            "inputs.mysql[0].heartbeat.source_server_id: expected a whole number");
  }

  @Test
  void effectiveConfigShowsTheHeartbeatAndReadsBack() {
    AgentSettings settings =
        loader()
            .parse(
                MYSQL_ENTRY + "      heartbeat: {table: percona.heartbeat, update: true}\n", "a");

    String rendered = EffectiveConfig.render(settings);

    assertThat(rendered)
        .contains(
            "      heartbeat:\n"
                + "        table: 'percona.heartbeat'\n"
                + "        update: true\n"
                + "        source_server_id: 0\n");
    assertThat(loader().parse(rendered, "effective").mysql().get(0).heartbeat())
        .isEqualTo(settings.mysql().get(0).heartbeat());
  }

  @Test
  void effectiveConfigListsTheGrantsTheInputNeedsAsComments() {
    AgentSettings settings =
        loader()
            .parse(
                MYSQL_ENTRY + "      heartbeat: {table: percona.heartbeat, update: true}\n", "a");

    String rendered = EffectiveConfig.render(settings);

    String user = settings.mysql().get(0).user();
    assertThat(rendered)
        .contains("# MySQL grants these inputs need")
        .contains("#     GRANT PROCESS, SLAVE MONITOR ON *.* TO '" + user + "'@'%';")
        .contains("#     GRANT PROCESS, REPLICATION CLIENT ON *.* TO '" + user + "'@'%';")
        .contains(
            "#     GRANT SELECT, INSERT, UPDATE ON `percona`.`heartbeat` TO '" + user + "'@'%';");
    assertThat(loader().parse(rendered, "effective").mysql()).isEqualTo(settings.mysql());
  }
}
