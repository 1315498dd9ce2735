package io.ferry.agent.input.mysql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of a result set: column labels in the server's order, values as text, SQL {@code NULL} as
 * {@code null}. Lookups ignore case, because servers differ ({@code Channel_name} in MySQL 5.7,
 * {@code Channel_Name} in 8.0).
 */
final class Row {

  private final Map<String, String> values;
  private final Map<String, String> labelsByLowerCase;

  private Row(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
    var labels = new LinkedHashMap<String, String>();
    values.keySet().forEach(label -> labels.putIfAbsent(lower(label), label));
    this.labelsByLowerCase = labels;
  }

  /** A row of the given columns and values (same length, values may be {@code null}). */
  public static Row of(List<String> columns, List<String> values) {
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          columns.size() + " columns but " + values.size() + " values");
    }
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < columns.size(); i++) {
      map.put(columns.get(i), values.get(i));
    }
    return new Row(map);
  }

  /** The values by column label, in the server's column order. */
  public Map<String, String> values() {
    return values;
  }

  /** Whether the row has a column of this name (in any case). */
  public boolean has(String column) {
    return labelsByLowerCase.containsKey(lower(column));
  }

  /**
   * The value of the first of the given columns that the row has; empty when none of them exists or
   * the value is SQL {@code NULL}. Pass the new name before the old one ({@code
   * Seconds_Behind_Source}, {@code Seconds_Behind_Master}).
   */
  public Optional<String> text(String... columns) {
    return firstPresent(columns).map(label -> values.get(label));
  }

  /** Like {@link #text} but also empty when the value is an empty string. */
  public Optional<String> nonEmptyText(String... columns) {
    return text(columns).filter(value -> !value.isEmpty());
  }

  /**
   * The integer value of the first of the given columns that the row has; empty when none exists or
   * the value is SQL {@code NULL}.
   *
   * @throws UnexpectedValueException when the value is not an integer
   */
  public OptionalLong integer(String... columns) {
    Optional<String> label = firstPresent(columns);
    if (label.isEmpty() || values.get(label.get()) == null) {
      return OptionalLong.empty();
    }
    String value = values.get(label.get()).trim();
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new UnexpectedValueException(label.get(), value, "is not an integer");
    }
  }

  /**
   * The boolean value of the first of the given columns that the row has: {@code 1}, {@code ON},
   * {@code YES} or {@code TRUE} (any case) are true, their opposites false; empty when none exists
   * or the value is SQL {@code NULL}.
   *
   * @throws UnexpectedValueException for any other value
   */
  public Optional<Boolean> bool(String... columns) {
    Optional<String> label = firstPresent(columns);
    if (label.isEmpty() || values.get(label.get()) == null) {
      return Optional.empty();
    }
    String value = values.get(label.get()).trim();
    return switch (lower(value)) {
      case "1", "on", "yes", "true" -> Optional.of(true);
      case "0", "off", "no", "false" -> Optional.of(false);
      default -> throw new UnexpectedValueException(label.get(), value, "is not a boolean");
    };
  }

  private Optional<String> firstPresent(String... columns) {
    for (String column : columns) {
      String label = labelsByLowerCase.get(lower(column));
      if (label != null) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "Row" + values;
  }
}
