package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertPointFilterTest {

  @TempDir Path dir;

  @Test
  void aRefusedPushShowsItsSenderAliveOnlyThroughThePointsAbsenceRulesWatch() throws IOException {
    AlertPointFilter filter =
        filter(
            """
            rules:
              - name: Silent
                measurement: ferry_agent
                where: {role: db}
                absence: {after: 2m, group_by: [host]}
              - name: AgentErrors
                measurement: ferry_agent
                threshold: {field: push_errors, above: 0}
              - name: CpuHigh
                measurement: cpu
                threshold: {field: usage_user, above: 90}
            """);
    List<Point> push =
        points(
            """
            ferry_agent,host=a,role=db push_errors=0i 1
            ferry_agent,host=b,role=web push_errors=0i 1
            cpu,host=a,role=db usage_user=99 1
            mem,host=a,role=db used_percent=50 1
            """);

    assertThat(filter.needed(push))
        .extracting(Point::measurement)
        .containsExactly("ferry_agent", "ferry_agent", "cpu");
    assertThat(filter.signsOfLife(push))
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.measurement()).isEqualTo("ferry_agent");
              assertThat(point.tags()).containsEntry("host", "a");
              assertThat(point.hasSource()).as("kept without its body").isFalse();
            });
  }

  @Test
  void withoutAbsenceRulesNothingOfARefusedPushIsNeeded() throws IOException {
    AlertPointFilter filter =
        filter(
            """
            rules:
              - name: CpuHigh
                measurement: cpu
                threshold: {field: usage_user, above: 90}
            """);
    List<Point> push = points("cpu,host=a usage_user=99 1\n");

    assertThat(filter.needed(push)).hasSize(1);
    assertThat(filter.signsOfLife(push)).isEmpty();
  }

  private AlertPointFilter filter(String rules) throws IOException {
    Files.writeString(dir.resolve("rules.yml"), rules);
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: filter-test-token}
        influxdb: {url: "http://127.0.0.1:1", api: v1}
        alerts:
          rule_files: [rules.yml]
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:1/hook"}
          route: {receiver: oncall}
        """;
    return new AlertPointFilter(
        new CollectorConfigLoader().parse(yaml, "collector.yml", dir).alerts().orElseThrow());
  }

  private static List<Point> points(String lines) {
    return LineProtocolParser.parse(lines, Precision.NANOSECONDS, 0).points();
  }
}
