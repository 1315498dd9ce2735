package io.ferry.alerts.ruletest;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.util.LinkedHashMap;
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
  public record Input(
      Point point, Duration from, Duration until, Duration every, Map<String, Double> step) {

    public Input {
      step = Map.copyOf(step);
    }

    /**
     * The point of the {@code n}th repetition (0 for the one at {@code from}): each field in {@link
     * #step} grows by its step per repetition, like a counter (promtool's {@code 0+100x60}).
     */
    public Point repetition(long n) {
      if (step.isEmpty()) {
        return point;
      }
      Map<String, FieldValue> fields = new LinkedHashMap<>(point.fields());
      step.forEach(
          (field, amount) ->
              fields.computeIfPresent(
                  field,
                  (name, value) -> {
                    if (value instanceof FieldValue.IntegerValue i) {
                      return FieldValue.of(i.value() + Math.round(amount * n));
                    }
                    if (value instanceof FieldValue.FloatValue f) {
                      return FieldValue.of(f.value() + amount * n);
                    }
                    return value;
                  }));
      return new Point(point.measurement(), point.tags(), fields, point.timestampNanos());
    }
  }

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
