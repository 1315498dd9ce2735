package io.ferry.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.alerts.rule.Phase;
import io.ferry.collector.alerting.AlertingConfig;
import io.ferry.yamlconfig.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alerts:} section of {@code collector.yml}. */
class AlertsConfigLoaderTest {

  private static final String MINIMAL = "auth:\n  tokens:\n    - {name: fleet, token: s3cret}\n";

  @TempDir Path dir;

  private CollectorConfig parse(String yaml) {
    return new CollectorConfigLoader(name -> null).parse(yaml, "collector.yml", dir);
  }

  @Test
  void theSampleSectionUncommentedLoadsTheShippedRules() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    try (Stream<Path> shipped = Files.list(Path.of("..", "alerts", "rules"))) {
      for (Path file : shipped.filter(p -> p.toString().endsWith(".yml")).toList()) {
        Files.copy(file, rules.resolve(file.getFileName()));
      }
    }
    String sample = Files.readString(Path.of("src/dist/collector.yml"));
    int start = sample.indexOf("# alerts:");
    assertThat(start).as("commented alerts: section in the sample").isPositive();
    int end = sample.indexOf("\n\n", start);
    String section = end < 0 ? sample.substring(start) : sample.substring(start, end + 1);
    String uncommented = MINIMAL + section.replaceAll("(?m)^# ?", "");

    AlertingConfig alerts = parse(uncommented).alerts().orElseThrow();

    assertThat(alerts.rules())
        .extracting(r -> r.name())
        .contains("ReplicationStopped", "HostSilent", "CollectorOverloaded");
    assertThat(alerts.phase()).isEqualTo(AlertingConfig.DEFAULT_PHASE).isEqualTo(Phase.PRE);
    assertThat(alerts.evaluationInterval()).isEqualTo(AlertingConfig.DEFAULT_EVALUATION_INTERVAL);
    assertThat(alerts.stateFile()).isEmpty();
    assertThat(alerts.notifiers()).containsOnlyKeys("oncall");
    assertThat(alerts.maxQueuedPoints()).isEqualTo(50_000);
    assertThat(alerts.dispatch().inhibitRules()).hasSize(2);
  }

  @Test
  void maxQueuedPointsIsAQuarterOfTheWritersBoundUnlessSet() {
    String alerts =
        """
        alerts:
          rule_files: []
          receivers: [{name: oncall, webhook: {url: "http://127.0.0.1:9/hook"}}]
          route: {receiver: oncall}
        """;
    assertThat(parse(MINIMAL + "influxdb: {max_pending_points: 80000}\n" + alerts))
        .satisfies(c -> assertThat(c.alerts().orElseThrow().maxQueuedPoints()).isEqualTo(20_000));
    assertThat(parse(MINIMAL + alerts + "  max_queued_points: 1234\n").alerts().orElseThrow())
        .extracting(AlertingConfig::maxQueuedPoints)
        .isEqualTo(1234);
    assertThatThrownBy(() -> parse(MINIMAL + alerts + "  max_queued_points: lots\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerts.max_queued_points")
        .hasMessageContaining("or auto");
  }

  @Test
  void theHostInventoryIsTheExpectedHostsOfTheAbsenceRulesInForce() throws IOException {
    Files.writeString(
        dir.resolve("hosts.txt"), "# rendered by config management\ndb-new-1\n\nweb-9\n");
    Files.writeString(
        dir.resolve("hosts.yml"),
        """
        rules:
          - name: HostSilent
            measurement: ferry_agent
            absence: {group_by: [host], expected: [db-old-1], expected_file: hosts.txt}
          - name: NewSideSilent
            measurement: ferry_agent
            phases: [post]
            absence: {group_by: [host], expected: [db-new-7]}
          - name: ChannelSilent
            measurement: mysql_replication
            absence: {group_by: [channel], expected: [default]}
        """);
    String yaml =
        MINIMAL
            + "alerts:\n  rule_files: [hosts.yml]\n  receivers:\n    - name: hook\n"
            + "      webhook: {url: \"http://127.0.0.1:9/x\"}\n  route: {receiver: hook}\n";

    assertThat(parse(yaml).alerts().orElseThrow().expectedHosts())
        .as("pre phase: the post-only rule and the channel inventory are not hosts expected now")
        .containsExactly("db-new-1", "db-old-1", "web-9");
    assertThat(parse(yaml + "  phase: post\n").alerts().orElseThrow().expectedHosts())
        .containsExactly("db-new-1", "db-new-7", "db-old-1", "web-9");
  }

  @Test
  void aBadRuleFileStopsTheCollectorNamingFileLineAndKey() throws IOException {
    Files.writeString(
        dir.resolve("bad.yml"),
        "rules:\n  - name: Lag\n    measurement: mysql_replication\n"
            + "    threshold: {field: lag_seconds, abvoe: 30}\n");
    String yaml =
        MINIMAL
            + "alerts:\n  rule_files: [bad.yml]\n  receivers:\n    - name: hook\n"
            + "      webhook: {url: \"http://127.0.0.1:9/x\"}\n  route: {receiver: hook}\n";

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad.yml line 4")
        .hasMessageContaining("abvoe");
  }

  @Test
  void anUnknownReceiverInTheRouteIsRefused() {
    String yaml =
        MINIMAL
            + "alerts:\n  receivers:\n    - name: hook\n"
            + "      webhook: {url: \"http://127.0.0.1:9/x\"}\n  route: {receiver: pager}\n";

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("collector.yml line")
        .hasMessageContaining("pager");
  }
}
