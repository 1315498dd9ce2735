package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's text: {@code {{value}}} (the deciding number), {@code {{since}}} (when the
 * condition started, ISO-8601 UTC), {@code {{threshold}}}, and {@code {{name}}} for any label such
 * as {@code {{host}}}. A name that is neither renders as {@code <no value>}, as in Prometheus.
 */
final class AnnotationTemplate {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private AnnotationTemplate() {}

  static String render(
      String template, Labels labels, String value, Instant since, Map<String, String> extra) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement =
          switch (name) {
            case "value" -> value;
            case "since" -> since.toString();
            default -> {
              String fromExtra = extra.get(name);
              String fromLabels = labels.get(name);
              yield fromExtra != null ? fromExtra : fromLabels != null ? fromLabels : "<no value>";
            }
          };
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** A number the way a person reads it: {@code 42}, {@code 3.14}, {@code 0.001}. */
  static String formatNumber(double value) {
    if (Double.isNaN(value)) {
      return "<no value>";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }
}
