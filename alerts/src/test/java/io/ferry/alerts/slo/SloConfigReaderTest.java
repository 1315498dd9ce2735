package io.ferry.alerts.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.alerts.Severity;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloConfigReaderTest {

  private static List<SloDefinition> read(String yaml) {
    var root =
        new YamlConfigReader(Environment.of(Map.of())).parse(yaml, "ferry.yml", Path.of("."));
    List<SloDefinition> slos = SloConfigReader.read(root);
    root.rejectUnknownKeys();
    return slos;
  }

  private static ConfigException error(String yaml) {
    return (ConfigException)
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).actual();
  }

  @Test
  void readsTheDocumentedExample() {
    List<SloDefinition> slos =
        read(
            """
            slos:
              - name: blog-availability
                objective: 99.9%        # also 0.999
                period: 30d
                ratio: {measurement: http_requests, good: ok, total: total}
                where: {vhost: blog.example.com}
              - name: blog-latency
                objective: 0.99
                latency: {measurement: http_request_duration, threshold: 300ms}
                min_events: 500
                alerts:
                  - {severity: page, long: 1h, short: 5m, burn_rate: 14.4}
            """);

    assertThat(slos)
        .containsExactly(
            SloDefinition.builder(
                    "blog-availability", 0.999, new RatioSli("http_requests", "ok", "total"))
                .where(Map.of("vhost", "blog.example.com"))
                .build(),
            SloDefinition.builder(
                    "blog-latency",
                    0.99,
                    new LatencySli("http_request_duration", Duration.ofMillis(300)))
                .minEvents(500)
                .alerts(
                    List.of(
                        new BurnRateAlert(
                            Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4)))
                .build());
    assertThat(slos.get(0).alerts()).isEqualTo(BurnRateAlert.WORKBOOK_DEFAULTS);
    assertThat(slos.get(0).period()).isEqualTo(Duration.ofDays(30));
    assertThat(slos.get(0).minEvents()).isEqualTo(SloDefinition.DEFAULT_MIN_EVENTS);
  }

  @Test
  void noSlosSectionIsNoSlo() {
    assertThat(read("")).isEmpty();
    assertThat(read("slos: []\n")).isEmpty();
  }

  @Test
  void anEmptyAlertListTracksWithoutAlerting() {
    List<SloDefinition> slos =
        read(
            """
            slos:
              - name: tracked
                objective: 99%
                period: 4w
                ratio: {measurement: m, good: g, total: t}
                alerts: []
            """);

    assertThat(slos.get(0).alerts()).isEmpty();
    assertThat(slos.get(0).period()).isEqualTo(Duration.ofDays(28));
  }

  @Test
  void anObjectiveOutOfRangeNamesFileLineAndKey() {
    ConfigException e =
        error(
            """
            slos:
              - name: blog
                objective: 100%
                ratio: {measurement: m, good: g, total: t}
            """);

    assertThat(e.getMessage())
        .isEqualTo(
            "ferry.yml line 3: slos[0].objective: expected a fraction above 0 and below 1 such as"
                + " 0.999, or a percentage such as 99.9%, got \"100%\"");
    assertThat(
            error(
                    """
                    slos:
                      - {name: blog, objective: 1.5, ratio: {measurement: m, good: g, total: t}}
                    """)
                .getMessage())
        .startsWith("ferry.yml line 2: slos[0].objective: expected a fraction");
    assertThat(
            error(
                    """
                    slos:
                      - {name: blog, objective: 0, ratio: {measurement: m, good: g, total: t}}
                    """)
                .keyPath())
        .isEqualTo("slos[0].objective");
  }

  @Test
  void aMissingObjectiveIsReported() {
    ConfigException e =
        error(
            """
            slos:
              - name: blog
                ratio: {measurement: m, good: g, total: t}
            """);

    assertThat(e.getMessage()).isEqualTo("ferry.yml line 2: slos[0].objective: is required");
  }

  @Test
  void bothRatioAndLatencyIsAnError() {
    ConfigException e =
        error(
            """
            slos:
              - name: blog
                objective: 99%
                ratio: {measurement: m, good: g, total: t}
                latency: {measurement: h, threshold: 300ms}
            """);

    assertThat(e.getMessage())
        .isEqualTo("ferry.yml line 5: slos[0].latency: set either ratio or latency, not both");
  }

  @Test
  void neitherRatioNorLatencyIsAnError() {
    ConfigException e =
        error(
            """
            slos:
              - name: blog
                objective: 99%
            """);

    assertThat(e.getMessage())
        .isEqualTo(
            "ferry.yml line 2: slos[0]: set ratio (good and total counters) or latency (histogram"
                + " buckets) to say what is measured");
  }

  @Test
  void aShortWindowNotShorterThanTheLongOneIsAnError() {
    ConfigException e =
        error(
            """
            slos:
              - name: blog
                objective: 99%
                ratio: {measurement: m, good: g, total: t}
                alerts:
                  - severity: page
                    long: 5m
                    short: 1h
                    burn_rate: 14.4
            """);

    assertThat(e.getMessage())
        .isEqualTo(
            "ferry.yml line 8: slos[0].alerts[0].short: must be shorter than the long window (5m)");
  }

  @Test
  void aLongWindowBeyondThePeriodIsAnError() {
    ConfigException e =
        error(
            """
            slos:
              - name: blog
                objective: 99%
                period: 1d
                ratio: {measurement: m, good: g, total: t}
            """
                + "    alerts: [{severity: ticket, long: 3d, short: 6h, burn_rate: 1}]\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "ferry.yml line 6: slos[0].alerts[0].long: must not be longer than the SLO's period"
                + " (1d)");
  }

  @Test
  void unknownKeysAreRejectedWithASuggestion() {
    assertThat(
            error(
                    """
                    slos:
                      - name: blog
                        objectiv: 99%
                        ratio: {measurement: m, good: g, total: t}
                    """)
                .getMessage())
        .isEqualTo(
            "ferry.yml line 3: slos[0].objectiv: unknown key (did you mean slos[0].objective?)");
    assertThat(
            error(
                    """
                    slos:
                      - name: blog
                        objective: 99%
                        ratio:
                          measurement: m
                          good: g
                          totl: t
                    """)
                .getMessage())
        .isEqualTo(
            "ferry.yml line 7: slos[0].ratio.totl: unknown key (did you mean"
                + " slos[0].ratio.total?)");
    assertThat(
            error(
                    """
                    slos:
                      - name: blog
                        objective: 99%
                        ratio: {measurement: m, good: g, total: t}
                        alerts:
                          - {severity: page, long: 1h, short: 5m, burnrate: 14.4}
                    """)
                .keyPath())
        .isEqualTo("slos[0].alerts[0].burnrate");
  }

  @Test
  void badDurationsAreReported() {
    ConfigException period =
        error(
            """
            slos:
              - name: blog
                objective: 99%
                period: 1y
                ratio: {measurement: m, good: g, total: t}
            """);
    assertThat(period.getMessage())
        .isEqualTo(
            "ferry.yml line 4: slos[0].period: expected a positive duration such as 5m, 1h, 3d or"
                + " 4w, got \"1y\"");

    ConfigException window =
        error(
            """
            slos:
              - name: blog
                objective: 99%
                ratio: {measurement: m, good: g, total: t}
                alerts:
                  - {severity: page, long: 0h, short: 5m, burn_rate: 14.4}
            """);
    assertThat(window.getMessage())
        .startsWith("ferry.yml line 6: slos[0].alerts[0].long: expected");

    ConfigException threshold =
        error(
            """
            slos:
              - name: blog
                objective: 99%
                latency: {measurement: h, threshold: 0ms}
            """);
    assertThat(threshold.getMessage())
        .startsWith("ferry.yml line 4: slos[0].latency.threshold: expected a positive duration");
  }

  @Test
  void otherMistakesAreReported() {
    assertThat(
            error(
                    """
                    slos:
                      - {name: a, objective: 99%, ratio: {measurement: m, good: g, total: t}}
                      - {name: a, objective: 99%, ratio: {measurement: m, good: g, total: t}}
                    """)
                .getMessage())
        .isEqualTo("ferry.yml line 3: slos[1].name: another SLO is already named a");
    assertThat(
            error(
                    """
                    slos:
                      - name: a
                        objective: 99%
                        ratio: {measurement: m, good: g, total: t}
                        alerts: [{severity: urgent, long: 1h, short: 5m, burn_rate: 14.4}]
                    """)
                .getMessage())
        .startsWith("ferry.yml line 5: slos[0].alerts[0].severity: expected page, ticket");
    assertThat(
            error(
                    """
                    slos:
                      - name: a
                        objective: 99%
                        ratio: {measurement: m, good: g, total: t}
                        alerts: [{severity: page, long: 1h, short: 5m, burn_rate: -1}]
                    """)
                .keyPath())
        .isEqualTo("slos[0].alerts[0].burn_rate");
    assertThat(
            error(
                    """
                    slos:
                      - name: a
                        objective: 99%
                        ratio: {measurement: m, good: ok, total: ok}
                    """)
                .keyPath())
        .isEqualTo("slos[0].ratio.total");
  }

  @Test
  void objectivesParseExactly() {
    assertThat(SloConfigReader.parseObjective("99.9%")).contains(0.999);
    assertThat(SloConfigReader.parseObjective("0.999")).contains(0.999);
    assertThat(SloConfigReader.parseObjective("99.95 %")).contains(0.9995);
    assertThat(SloConfigReader.parseObjective("1")).isEmpty();
    assertThat(SloConfigReader.parseObjective("-5%")).isEmpty();
    assertThat(SloConfigReader.parseObjective("high")).isEmpty();
  }
}
