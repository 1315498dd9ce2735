package io.ferry.alerts.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** What makes a rule's alert active; one record per kind of rule. */
public sealed interface Condition {

  /**
   * A number crosses a threshold: the window's values reduced by {@code aggregate} are above (or
   * below) {@code threshold}. Once active the alert stays active until the value is back past
   * {@code clear} (hysteresis; the threshold itself when empty).
   *
   * @param fields the field to read; with several, the first one a point has (for example heartbeat
   *     lag where present, else the reported lag)
   * @param aggregate how the window's values become one
   * @param percentile for {@link Aggregate#PERCENTILE}, in (0, 100]
   * @param predict for {@link Aggregate#PREDICT_LINEAR}: how far ahead to predict
   * @param window how far back values count (values whose timestamp is older are dropped)
   * @param above true to fire above the threshold, false to fire below it
   * @param threshold the value that activates the alert
   * @param clear the value the aggregate must get back past to deactivate it
   */
  record Threshold(
      List<String> fields,
      Aggregate aggregate,
      double percentile,
      Duration predict,
      Duration window,
      boolean above,
      double threshold,
      OptionalDouble clear)
      implements Condition {
    public Threshold {
      fields = List.copyOf(fields);
    }

    /** Whether {@code value} activates the alert. */
    public boolean activates(double value) {
      return above ? value > threshold : value < threshold;
    }

    /** Whether an active alert stays active at {@code value}. */
    public boolean staysActive(double value) {
      double bound = clear.orElse(threshold);
      return above ? value > bound : value < bound;
    }
  }

  /**
   * A field's newest value is one of {@code values} (compared as text: {@code true}, {@code
   * sql_stopped}, {@code 1}), such as "the SQL thread is not running".
   *
   * @param field the field to read
   * @param values the values that make the alert active
   */
  record State(String field, Set<String> values) implements Condition {
    public State {
      values = Set.copyOf(values);
    }
  }

  /**
   * No point of the selected measurement has arrived for {@code after}, per group: also for the
   * groups of the expected inventory that never reported.
   *
   * @param after how long without a point makes the alert active
   * @param groupBy the tags that name what went silent, such as {@code host}
   * @param expected the groups that must report, such as every host name; may be empty
   */
  record Absence(Duration after, List<String> groupBy, List<Map<String, String>> expected)
      implements Condition {
    public Absence {
      groupBy = List.copyOf(groupBy);
      expected = expected.stream().map(Map::copyOf).toList();
    }
  }

  /**
   * More than one server is writable ({@code read_only} false) among the selected ones, and their
   * {@code auto_increment_increment} / {@code auto_increment_offset} settings can hand out the same
   * key twice: an increment smaller than the number of writable servers, or two servers with the
   * same offset modulo the increment.
   */
  record UnsafeWritablePrimaries() implements Condition {}

  /**
   * An SLO's error budget burns too fast: the SLO's multiwindow burn-rate alerts of this rule's
   * severity.
   *
   * @param slo the SLO's name in the {@code slos} section
   */
  record SloBurn(String slo) implements Condition {}
}
