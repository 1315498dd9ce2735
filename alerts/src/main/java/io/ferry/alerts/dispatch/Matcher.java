package io.ferry.alerts.dispatch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferry.alerts.Labels;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on one label, as in Alertmanager: {@code host="db1"}, {@code severity!="info"},
 * {@code alertname=~"Replication.*"}, {@code env!~"test|dev"}. A label the alert does not have
 * counts as the empty string, so {@code team!="dba"} matches alerts without a {@code team} label.
 * Regular expressions are anchored at both ends: {@code =~"db"} does not match {@code db1}.
 *
 * <p>Serialized to JSON as its text ({@link #toString()}).
 *
 * @param name the label name
 * @param op how the value is compared
 * @param value the value, or the regular expression for {@code =~} and {@code !~}
 */
public record Matcher(String name, Op op, String value) {

  private static final Pattern TEXT =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");

  /** How a matcher compares the label's value. */
  public enum Op {
    /** {@code =}: equal. */
    EQUAL("="),
    /** {@code !=}: not equal. */
    NOT_EQUAL("!="),
    /** {@code =~}: the whole value matches the regular expression. */
    REGEX("=~"),
    /** {@code !~}: the whole value does not match the regular expression. */
    NOT_REGEX("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written: {@code =}, {@code !=}, {@code =~}, {@code !~}. */
    public String symbol() {
      return symbol;
    }

    static Op ofSymbol(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown operator " + symbol);
    }
  }

  public Matcher {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
    if (op == Op.REGEX || op == Op.NOT_REGEX) {
      compile(value);
    }
  }

  /** {@code name="value"}. */
  public static Matcher equal(String name, String value) {
    return new Matcher(name, Op.EQUAL, value);
  }

  /** {@code name=~"regex"}. */
  public static Matcher regex(String name, String regex) {
    return new Matcher(name, Op.REGEX, regex);
  }

  /**
   * Parses {@code name<op>"value"} where op is {@code =}, {@code !=}, {@code =~} or {@code !~}; the
   * value may be double-quoted or bare. In a quoted value {@code \"} stands for a quote and {@code
   * \\} for a backslash; any other backslash is kept, so {@code =~"db\.example"} is the regular
   * expression {@code db\.example}.
   *
   * @throws IllegalArgumentException naming what is wrong (no operator, bad regular expression)
   */
  @JsonCreator
  public static Matcher parse(String text) {
    java.util.regex.Matcher parts = TEXT.matcher(text);
    if (!parts.matches()) {
      throw new IllegalArgumentException(
          "expected a matcher such as host=\"db1\" or severity=~\"page|ticket\", got \""
              + text
              + "\"");
    }
    return new Matcher(parts.group(1), Op.ofSymbol(parts.group(2)), unquote(parts.group(3)));
  }

  /** Like {@link #parse(String)}, empty instead of an exception. */
  public static Optional<Matcher> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code labels} satisfy this matcher. */
  public boolean matches(Labels labels) {
    String actual = Objects.requireNonNullElse(labels.get(name), "");
    return switch (op) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> compile(value).matcher(actual).matches();
      case NOT_REGEX -> !compile(value).matcher(actual).matches();
    };
  }

  /** Whether {@code labels} satisfy every matcher; true for none. */
  public static boolean matchesAll(Collection<Matcher> matchers, Labels labels) {
    for (Matcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** The matcher as text, such as {@code host="db1"}; {@link #parse(String)} reads it back. */
  @JsonValue
  @Override
  public String toString() {
    return name + op.symbol + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static Pattern compile(String regex) {
    try {
      return PatternCache.get(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "bad regular expression \"" + regex + "\": " + e.getDescription(), e);
    }
  }

  private static String unquote(String text) {
    if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
      if (text.contains("\"")) {
        throw new IllegalArgumentException("unbalanced quotes in matcher value " + text);
      }
      return text;
    }
    StringBuilder value = new StringBuilder();
    String inner = text.substring(1, text.length() - 1);
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      char following = i + 1 < inner.length() ? inner.charAt(i + 1) : 0;
      if (c == '\\' && (following == '"' || following == '\\')) {
        value.append(following);
        i++;
      } else if (c == '"') {
        throw new IllegalArgumentException("unescaped quote in matcher value " + text);
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }
}
