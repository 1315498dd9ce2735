package io.ferry.alerts.ruletest;

import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.slo.SloDefinition;
import java.time.Duration;
import java.util.List;

/**
 * A rule test file, read.
 *
 * @param file its name, for messages
 * @param rules the rules under test
 * @param slos the SLOs the tests' {@code slo_burn} rules watch (the file's {@code slos:} list, as
 *     in the collector's configuration)
 * @param phase the migration phase the tests run in
 * @param interval how often the engine evaluates during a test
 * @param cases the tests
 */
public record RuleTestSuite(
    String file,
    List<AlertRule> rules,
    List<SloDefinition> slos,
    Phase phase,
    Duration interval,
    List<RuleTestCase> cases) {

  public RuleTestSuite {
    rules = List.copyOf(rules);
    slos = List.copyOf(slos);
    cases = List.copyOf(cases);
  }
}
