package io.ferry.alerts.ruletest;

import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Phase;
import java.time.Duration;
import java.util.List;

/**
 * A rule test file, read.
 *
 * @param file its name, for messages
 * @param rules the rules under test
 * @param phase the migration phase the tests run in
 * @param interval how often the engine evaluates during a test
 * @param cases the tests
 */
public record RuleTestSuite(
    String file, List<AlertRule> rules, Phase phase, Duration interval, List<RuleTestCase> cases) {

  public RuleTestSuite {
    rules = List.copyOf(rules);
    cases = List.copyOf(cases);
  }
}
