package io.ferry.alerts.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.alerts.Labels;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchConfigReaderTest {

  private static final Set<String> RECEIVERS = Set.of("ops", "pagerduty", "email");

  private static DispatchConfig read(String yaml) {
    ConfigMapping root =
        new YamlConfigReader(Environment.of(Map.of())).parse(yaml, "alerts.yml", Path.of("."));
    DispatchConfig config = DispatchConfigReader.read(root.mapping("alerts"), RECEIVERS);
    root.rejectUnknownKeys();
    return config;
  }

  private static ConfigException failure(String yaml) {
    return (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> read(yaml));
  }

  @Test
  void readsEveryKey() {
    DispatchConfig config =
        read(
            """
            alerts:
              route:
                receiver: ops
                group_by: [alertname, host]
                group_wait: 10s
                group_interval: 1m
                repeat_interval: 2h
                routes:
                  - matchers: ['severity="page"']
                    receiver: pagerduty
                    continue: true
                    send_resolved: false
                  - match: [team=dba, 'alertname=~"Replication.*"']
                    group_by: ['...']
              inhibit_rules:
                - source: ['alertname="HostSilent"']
                  target: ['alertname!="HostSilent"']
                  equal: [host]
              maintenance_windows:
                - name: cutover
                  start: 2025-06-01T22:00:00Z
                  end: 2025-06-02T02:00:00Z
                  matchers: ['alertname=~"ReadOnlyWrongSide|ReplicationDirection.*"']
              fallback_receiver: email
              retry: {initial_backoff: 2s, max_backoff: 30s, max_attempts: 3}
              flap: {changes: 6, window: 20m, hold: 1m}
            """);

    Route root = config.route();
    assertThat(root.receiver()).isEqualTo("ops");
    assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(10));
    Route page = root.routes().get(0);
    assertThat(page.receiver()).isEqualTo("pagerduty");
    assertThat(page.matchers()).containsExactly(Matcher.equal("severity", "page"));
    assertThat(page.continueMatching()).isTrue();
    assertThat(page.sendResolved()).isFalse();
    assertThat(page.groupBy()).as("inherited").containsExactly("alertname", "host");
    assertThat(page.repeatInterval()).isEqualTo(Duration.ofHours(2));
    Route dba = root.routes().get(1);
    assertThat(dba.receiver()).as("inherited").isEqualTo("ops");
    assertThat(dba.groupBy()).containsExactly("...");
    assertThat(dba.matchers()).hasSize(2);
    assertThat(dba.sendResolved()).isTrue();

    assertThat(config.inhibitRules()).hasSize(1);
    assertThat(config.inhibitRules().get(0).equal()).containsExactly("host");
    assertThat(config.maintenanceWindows().get(0).start())
        .isEqualTo(Instant.parse("2025-06-01T22:00:00Z"));
    assertThat(
            config
                .maintenanceWindows()
                .get(0)
                .mutes(
                    Labels.of("alertname", "ReplicationDirectionWrong"),
                    Instant.parse("2025-06-01T23:00:00Z")))
        .isTrue();
    assertThat(config.fallbackReceiver()).contains("email");
    assertThat(config.retry())
        .isEqualTo(new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 3));
    assertThat(config.flap())
        .isEqualTo(new FlapDamping(6, Duration.ofMinutes(20), Duration.ofMinutes(1)));
  }

  @Test
  void everythingButTheRootReceiverHasADefault() {
    DispatchConfig config = read("alerts:\n  route:\n    receiver: ops\n");

    assertThat(config.route()).isEqualTo(Route.builder("ops").build());
    assertThat(config.inhibitRules()).isEmpty();
    assertThat(config.maintenanceWindows()).isEmpty();
    assertThat(config.fallbackReceiver()).isEmpty();
    assertThat(config.retry()).isEqualTo(RetryPolicy.DEFAULTS);
    assertThat(config.flap()).isEqualTo(FlapDamping.DEFAULTS);
  }

  @Test
  void anUnknownReceiverNamesFileLineAndKey() {
    ConfigException e =
        failure(
            """
            alerts:
              route:
                receiver: ops
                routes:
                  - matchers: [severity=page]
                    receiver: pager
            """);
    assertThat(e.source()).isEqualTo("alerts.yml");
    assertThat(e.line()).hasValue(6);
    assertThat(e.keyPath()).isEqualTo("alerts.route.routes[0].receiver");
    assertThat(e.problem())
        .contains("unknown receiver \"pager\"")
        .contains("email, ops, pagerduty");

    assertThat(failure("alerts:\n  route: {receiver: ops}\n  fallback_receiver: sms\n").keyPath())
        .isEqualTo("alerts.fallback_receiver");
    assertThat(failure("alerts:\n  route: {group_by: [a]}\n").keyPath())
        .isEqualTo("alerts.route.receiver");
    assertThat(failure("alerts: {}\n").keyPath()).isEqualTo("alerts.route");
  }

  @Test
  void badValuesNameTheirKey() {
    ConfigException duration =
        failure("alerts:\n  route:\n    receiver: ops\n    group_wait: soon\n");
    assertThat(duration.keyPath()).isEqualTo("alerts.route.group_wait");
    assertThat(duration.line()).hasValue(4);

    ConfigException regex =
        failure(
            """
            alerts:
              route: {receiver: ops}
              inhibit_rules:
                - source: ['alertname=~"(HostSilent"']
                  target: [severity=page]
            """);
    assertThat(regex.keyPath()).isEqualTo("alerts.inhibit_rules[0].source");
    assertThat(regex.problem()).contains("bad regular expression");

    ConfigException unknown = failure("alerts:\n  route:\n    receiver: ops\n    group_wiat: 1s\n");
    assertThat(unknown.keyPath()).isEqualTo("alerts.route.group_wiat");
    assertThat(unknown.problem()).contains("did you mean alerts.route.group_wait");

    ConfigException rootMatchers =
        failure("alerts:\n  route:\n    receiver: ops\n    matchers: [a=b]\n");
    assertThat(rootMatchers.keyPath())
        .as("the root takes every alert")
        .isEqualTo("alerts.route.matchers");

    ConfigException instant =
        failure(
            """
            alerts:
              route: {receiver: ops}
              maintenance_windows:
                - {name: w, start: tonight, end: 2025-06-02T02:00:00Z, matchers: [a=b]}
            """);
    assertThat(instant.keyPath()).isEqualTo("alerts.maintenance_windows[0].start");

    ConfigException order =
        failure(
            """
            alerts:
              route: {receiver: ops}
              maintenance_windows:
                - {name: w, start: 2025-06-02T02:00:00Z, end: 2025-06-01T02:00:00Z, matchers: [a=b]}
            """);
    assertThat(order.keyPath()).isEqualTo("alerts.maintenance_windows[0].end");

    ConfigException noMatchers =
        failure(
            """
            alerts:
              route: {receiver: ops}
              maintenance_windows:
                - {name: w, start: 2025-06-01T02:00:00Z, end: 2025-06-02T02:00:00Z}
            """);
    assertThat(noMatchers.keyPath()).isEqualTo("alerts.maintenance_windows[0].matchers");

    ConfigException backoff =
        failure(
            "alerts:\n  route: {receiver: ops}\n  retry: {initial_backoff: 1m, max_backoff: 1s}\n");
    assertThat(backoff.keyPath()).isEqualTo("alerts.retry.max_backoff");

    ConfigException flapKey =
        failure("alerts:\n  route: {receiver: ops}\n  flap: {hold: 1m, holds: 2}\n");
    assertThat(flapKey.keyPath()).isEqualTo("alerts.flap.holds");

    assertThatThrownBy(() -> read("alerts:\n  route: {receiver: ops, group_by: ['...', host]}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("list it alone");
  }
}
