package io.ferry.alerts.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.yamlconfig.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule test files: counters that grow per repetition, SLOs, and what a mistake in them gets. */
class RuleTestReaderTest {

  @TempDir Path dir;

  @BeforeEach
  void writeRules() throws Exception {
    Files.writeString(
        dir.resolve("rules.yml"),
        """
        rules:
          - name: ManyErrors
            measurement: http_requests
            threshold: {fields: [errors], aggregate: last, above: 25}
          - name: Burn
            slo_burn: {slo: "*"}
        """);
  }

  private RuleTestSuite read(String tests) throws Exception {
    return new RuleTestReader()
        .read(Files.writeString(dir.resolve("t-test.yml"), "rule_files: [rules.yml]\n" + tests));
  }

  @Test
  void aStepMakesTheFieldGrowAtEveryRepetition() throws Exception {
    RuleTestSuite suite =
        read(
            """
            tests:
              - name: errors grow by 10 every 10 s
                input:
                  - {line: 'http_requests,host=a errors=0i', until: 60s, step: {errors: 10}}
                expect:
                  - at: 20s
                  - at: 30s
                    firing: [{labels: {alertname: ManyErrors, host: a}}]
            """);

    assertThat(new RuleTestRunner().run(suite)).allSatisfy(r -> assertThat(r.failures()).isEmpty());
  }

  @Test
  void aWrongExpectationIsReportedWithItsTime() throws Exception {
    RuleTestSuite suite =
        read(
            """
            tests:
              - name: expects the alert too early
                input:
                  - {line: 'http_requests,host=a errors=0i', until: 60s, step: {errors: 10}}
                expect:
                  - at: 20s
                    firing: [{labels: {alertname: ManyErrors, host: a}}]
            """);

    assertThat(new RuleTestRunner().run(suite).get(0).failures())
        .singleElement()
        .asString()
        .contains("20s")
        .contains("ManyErrors");
  }

  @Test
  void theSlosOfTheFileAreKnownToTheEngine() throws Exception {
    RuleTestSuite suite =
        read(
            """
            slos:
              - {name: api, objective: 99%, period: 7d, ratio: {measurement: http_requests, good: ok, total: total}}
            tests:
              - name: only bad requests
                input:
                  - {line: 'http_requests,host=a ok=0i,total=0i', until: 600s, step: {total: 100}}
                expect:
                  - at: 600s
                    firing:
                      - labels: {alertname: Burn, slo: api, window: 1h/5m}
                      - labels: {alertname: Burn, slo: api, window: 6h/30m}
                      - labels: {alertname: Burn, slo: api, window: 72h/6h}
            """);

    assertThat(suite.slos()).singleElement().extracting(s -> s.name()).isEqualTo("api");
    assertThat(new RuleTestRunner().run(suite).get(0).failures()).isEmpty();
  }

  @Test
  void aStepOnAFieldThatIsNotANumberIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    tests:
                      - name: x
                        input:
                          - {line: 'http_requests,host=a state="up"', step: {state: 1}}
                        expect: [{at: 0s}]
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t-test.yml line 5")
        .hasMessageContaining("step")
        .hasMessageContaining("state is not a numeric field");
  }

  @Test
  void anSloPeriodShorterThanTheDefaultWindowsIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    slos:
                      - {name: api, objective: 99%, period: 1d, ratio: {measurement: r, good: ok, total: t}}
                    tests:
                      - {name: x, input: [], expect: [{at: 0s}]}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("period: is shorter than the default alerts' longest window (3d)");
  }

  @Test
  void aFractionalStepOnAnIntegerFieldIsRefused() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    tests:
                      - name: x
                        input:
                          - {line: 'http_requests,host=a errors=0i', step: {errors: 0.5}}
                        expect: [{at: 0s}]
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("errors is an integer");
  }
}
