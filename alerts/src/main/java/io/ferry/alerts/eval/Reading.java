package io.ferry.alerts.eval;

/**
 * What a rule sees for one alert at one evaluation.
 *
 * @param holds whether the condition holds
 * @param value the number that decided it (lag, burn rate, seconds silent), or NaN for a state
 * @param text the value as the alert's texts show it: the state's value, or null for the number
 *     (formatted only when a text needs it: most readings of a tick change nothing)
 */
record Reading(boolean holds, double value, String text) {

  /** A reading decided by a number, shown as that number. */
  static Reading of(boolean holds, double value) {
    return new Reading(holds, value, null);
  }

  /** The value as the alert's texts show it: the number, or the state's value. */
  @Override
  public String text() {
    return text != null ? text : AnnotationTemplate.formatNumber(value);
  }
}
