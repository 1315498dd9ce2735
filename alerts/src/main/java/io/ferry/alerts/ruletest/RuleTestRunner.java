package io.ferry.alerts.ruletest;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.eval.AlertEngine;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs rule tests on an invented timeline: at every evaluation interval (and at every expectation
 * time) the points due are fed to a fresh {@link AlertEngine}, which then evaluates; each
 * expectation is checked against the engine's alerts at its time.
 */
public final class RuleTestRunner {

  /** Where test time 0 falls; any fixed instant would do. */
  static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * The outcome of one test.
   *
   * @param name the test's name
   * @param failures what did not match, empty when it passed
   */
  public record Result(String name, List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** Runs every test of the suite. */
  public List<Result> run(RuleTestSuite suite) {
    List<Result> results = new ArrayList<>();
    for (RuleTestCase test : suite.cases()) {
      results.add(new Result(test.name(), run(suite, test)));
    }
    return results;
  }

  private static List<String> run(RuleTestSuite suite, RuleTestCase test) {
    AlertEngine engine = new AlertEngine(suite.rules(), suite.slos(), suite.phase(), ORIGIN);
    Duration end =
        test.expectations().stream()
            .map(RuleTestCase.Expectation::at)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    TreeSet<Duration> steps = new TreeSet<>();
    for (Duration t = Duration.ZERO; t.compareTo(end) <= 0; t = t.plus(suite.interval())) {
      steps.add(t);
    }
    TreeMap<Duration, List<Point>> due = new TreeMap<>();
    for (RuleTestCase.Input input : test.inputs()) {
      long repetition = 0;
      for (Duration t = input.from();
          t.compareTo(input.until()) <= 0 && t.compareTo(end) <= 0;
          t = t.plus(input.every()), repetition++) {
        Instant at = ORIGIN.plus(t);
        due.computeIfAbsent(t, key -> new ArrayList<>())
            .add(input.repetition(repetition).withDefaultTimestamp(Point.epochNanos(at)));
      }
    }
    steps.addAll(due.keySet());
    test.expectations().forEach(expectation -> steps.add(expectation.at()));
    List<String> failures = new ArrayList<>();
    Duration previous = Duration.ofNanos(-1);
    for (Duration step : steps) {
      Instant now = ORIGIN.plus(step);
      due.subMap(previous, false, step, true)
          .values()
          .forEach(points -> engine.ingest(points, now));
      engine.evaluate(now);
      for (RuleTestCase.Expectation expectation : test.expectations()) {
        if (expectation.at().equals(step)) {
          check(expectation, engine.alerts(), failures);
        }
      }
      previous = step;
    }
    return failures;
  }

  private static void check(
      RuleTestCase.Expectation expectation, List<Alert> alerts, List<String> failures) {
    String at = "at " + expectation.at().toString().substring(2).toLowerCase();
    compare(at, "firing", expectation.firing(), filter(alerts, AlertStatus.FIRING), failures);
    compare(at, "pending", expectation.pending(), filter(alerts, AlertStatus.PENDING), failures);
  }

  private static List<Alert> filter(List<Alert> alerts, AlertStatus status) {
    return alerts.stream().filter(alert -> alert.status() == status).toList();
  }

  private static void compare(
      String at,
      String status,
      List<RuleTestCase.ExpectedAlert> expected,
      List<Alert> actual,
      List<String> failures) {
    List<Alert> unmatched = new ArrayList<>(actual);
    for (RuleTestCase.ExpectedAlert want : expected) {
      Alert match =
          unmatched.stream()
              .filter(alert -> contains(alert.labels().values(), want.labels()))
              .findFirst()
              .orElse(null);
      if (match == null) {
        failures.add(
            at + ": expected " + status + " alert " + want.labels() + ", got " + describe(actual));
        continue;
      }
      unmatched.remove(match);
      want.annotations()
          .forEach(
              (name, value) -> {
                String got = match.annotations().get(name);
                if (!value.equals(got)) {
                  failures.add(
                      at
                          + ": "
                          + status
                          + " alert "
                          + want.labels()
                          + ": annotation "
                          + name
                          + " is \""
                          + got
                          + "\", expected \""
                          + value
                          + "\"");
                }
              });
    }
    for (Alert extra : unmatched) {
      failures.add(at + ": unexpected " + status + " alert " + extra.labels());
    }
  }

  private static boolean contains(Map<String, String> labels, Map<String, String> subset) {
    return subset.entrySet().stream()
        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
  }

  private static String describe(List<Alert> alerts) {
    return alerts.isEmpty()
        ? "none"
        : alerts.stream().map(alert -> alert.labels().toString()).toList().toString();
  }
}
