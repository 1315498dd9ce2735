package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One column whose value differs in a row present on both sides.
 *
 * @param column the column's name
 * @param oldValue the old side's value as SQL text ({@code 'text'}, {@code 42}, {@code NULL}, or
 *     {@code 0x...} for binary columns), cut to {@link #MAX_VALUE_CHARS} characters; null when
 *     values are not shown (the default, or a secret column)
 * @param newValue the new side's value, likewise
 * @param secret whether the column's name looks like it holds a secret (see {@code SecretColumns});
 *     its values are never read into a report
 */
@JsonPropertyOrder({"name", "secret", "oldValue", "newValue"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnDifference(
    @JsonProperty(value = "name", required = true) String column,
    String oldValue,
    String newValue,
    @JsonProperty(required = true) boolean secret) {

  /** Longest value kept in a report, in characters; longer ones are cut and end with "…". */
  public static final int MAX_VALUE_CHARS = 64;

  public ColumnDifference {
    Objects.requireNonNull(column, "column");
    if (secret && (oldValue != null || newValue != null)) {
      throw new IllegalArgumentException("secret column " + column + " must not carry values");
    }
  }

  /** A difference reported by name only. */
  public static ColumnDifference nameOnly(String column, boolean secret) {
    return new ColumnDifference(column, null, null, secret);
  }

  /** Whether the values are part of the report. */
  public boolean valuesShown() {
    return oldValue != null || newValue != null;
  }

  /**
   * For people: {@code total}, {@code total: 12.50 -> 13.50}, or {@code password (secret, values
   * never shown)}.
   */
  public String describe() {
    if (secret) {
      return column + " (secret, values never shown)";
    }
    return valuesShown() ? column + ": " + oldValue + " -> " + newValue : column;
  }

  /** {@code value} cut to {@link #MAX_VALUE_CHARS} characters, the cut marked with "…". */
  public static String truncate(String value) {
    if (value == null || value.codePointCount(0, value.length()) <= MAX_VALUE_CHARS) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_VALUE_CHARS - 1)) + "…";
  }
}
