package io.ferry.alerts;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels that identify an alert, such as {@code alertname}, {@code severity}, {@code host}:
 * sorted by name, immutable. Two alerts with equal labels are the same alert.
 *
 * @param values label name to value, never empty values
 */
public record Labels(SortedMap<String, String> values) {

  /** Label holding the rule's name. */
  public static final String ALERT_NAME = "alertname";

  /** Label holding the rule's {@link Severity}. */
  public static final String SEVERITY = "severity";

  public Labels {
    TreeMap<String, String> copy = new TreeMap<>();
    values.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("a label needs a name and a value: " + name);
          }
          copy.put(name, value);
        });
    values = Collections.unmodifiableSortedMap(copy);
  }

  /** Labels from a map. */
  public static Labels of(Map<String, String> values) {
    return new Labels(new TreeMap<>(values));
  }

  /** Labels from name/value pairs: {@code of("alertname", "X", "host", "db1")}. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    TreeMap<String, String> values = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Labels(values);
  }

  /** The value of {@code name}, or null. */
  public String get(String name) {
    return values.get(name);
  }

  /** These labels plus {@code more}; {@code more} wins where both have a name. */
  public Labels with(Map<String, String> more) {
    TreeMap<String, String> merged = new TreeMap<>(values);
    merged.putAll(more);
    return new Labels(merged);
  }

  /** Only the labels named in {@code names} (those present). */
  public Labels only(Collection<String> names) {
    TreeMap<String, String> kept = new TreeMap<>();
    for (String name : names) {
      String value = values.get(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    return new Labels(kept);
  }

  /** The rule name ({@value #ALERT_NAME}), or null. */
  public String alertName() {
    return values.get(ALERT_NAME);
  }

  /**
   * A stable identity for these labels, as text: {@code {alertname="X", host="db1"}}. Used as the
   * key of state that must survive a restart and as PagerDuty's dedup key.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder("{");
    values.forEach(
        (name, value) -> {
          if (text.length() > 1) {
            text.append(", ");
          }
          text.append(name)
              .append("=\"")
              .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
              .append('"');
        });
    return text.append('}').toString();
  }

  @Override
  public String toString() {
    return fingerprint();
  }
}
