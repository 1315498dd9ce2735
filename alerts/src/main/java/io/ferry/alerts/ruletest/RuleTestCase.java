package io.ferry.alerts.ruletest;

import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One rule test: points sent over time and the alerts expected at given times.
 *
 * @param name what the test shows
 * @param inputs the points
 * @param expectations the checks, by time
 */
public record RuleTestCase(String name, List<Input> inputs, List<Expectation> expectations) {

  public RuleTestCase {
    inputs = List.copyOf(inputs);
    expectations = List.copyOf(expectations);
  }

  /**
   * One point sent at {@code from}, then every {@code every} until {@code until} (inclusive), each
   * time stamped with the time it is sent.
   */
  public record Input(Point point, Duration from, Duration until, Duration every) {}

  /**
   * The alerts expected at {@code at}: exactly these firing and these pending, each matched by a
   * subset of its labels (and annotations, when given).
   */
  public record Expectation(Duration at, List<ExpectedAlert> firing, List<ExpectedAlert> pending) {
    public Expectation {
      firing = List.copyOf(firing);
      pending = List.copyOf(pending);
    }
  }

  /** Labels (and optionally annotations) an alert must have. */
  public record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
    public ExpectedAlert {
      labels = Map.copyOf(labels);
      annotations = Map.copyOf(annotations);
    }
  }
}
