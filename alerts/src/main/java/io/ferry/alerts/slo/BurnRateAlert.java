package io.ferry.alerts.slo;

import io.ferry.alerts.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One multiwindow burn-rate alert: it fires while the burn rate over both the long and the short
 * window exceeds {@link #burnRate()}. The long window makes it significant, the short one makes it
 * resolve soon after the burning stops.
 *
 * @param severity who is told: {@link Severity#PAGE} or {@link Severity#TICKET} in the workbook
 * @param longWindow the long window, such as 1 h
 * @param shortWindow the short window, shorter than the long one, such as 5 min (the workbook uses
 *     1/12 of the long window)
 * @param burnRate the burn rate both windows must exceed: how many times faster than "exactly the
 *     whole budget over the period" the budget is spent
 */
public record BurnRateAlert(
    Severity severity, Duration longWindow, Duration shortWindow, double burnRate) {

  /**
   * The Google SRE workbook's recommendation for a 30-day SLO: page at 14.4 over 1 h and 5 min (2 %
   * of the budget in one hour), page at 6 over 6 h and 30 min (5 % in six hours), ticket at 1 over
   * 3 days and 6 h (10 % in three days).
   */
  public static final List<BurnRateAlert> WORKBOOK_DEFAULTS =
      List.of(
          new BurnRateAlert(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
          new BurnRateAlert(Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 6),
          new BurnRateAlert(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 1));

  public BurnRateAlert {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(longWindow, "longWindow");
    Objects.requireNonNull(shortWindow, "shortWindow");
    if (shortWindow.isNegative() || shortWindow.isZero()) {
      throw new IllegalArgumentException("the short window must be positive: " + shortWindow);
    }
    if (shortWindow.compareTo(longWindow) >= 0) {
      throw new IllegalArgumentException(
          "the short window ("
              + shortWindow
              + ") must be shorter than the long one ("
              + longWindow
              + ")");
    }
    if (!(burnRate > 0) || Double.isInfinite(burnRate)) {
      throw new IllegalArgumentException("the burn rate must be a positive number: " + burnRate);
    }
  }

  /**
   * The share of the period's error budget spent when the alert has burned at exactly {@link
   * #burnRate()} for the whole long window: {@code burnRate × longWindow / period}, e.g. 0.02 for
   * 14.4 over 1 h of a 30-day period.
   */
  public double budgetSpentAtThreshold(Duration period) {
    return burnRate * longWindow.toNanos() / period.toNanos();
  }
}
