package io.ferry.alerts.dispatch;

import java.time.Duration;

/**
 * When an alert counts as flapping and how its resolved notice is held back (config {@code flap}).
 * An alert that changed state (firing to resolved or back) more than {@code changes} times within
 * {@code window} is flapping: when it resolves, the receiver is not told until it stayed resolved
 * for {@code hold}; if it fires again meanwhile, the receiver, which still sees it firing, is not
 * told again either. A firing alert is always announced once.
 *
 * @param changes state changes within {@code window} above which an alert flaps; config {@code
 *     flap.changes}, default {@value #DEFAULT_CHANGES}
 * @param window how far back changes count; config {@code flap.window}, default 10 minutes
 * @param hold how long a flapping alert must stay resolved before the receiver is told; config
 *     {@code flap.hold}, default 5 minutes
 */
public record FlapDamping(int changes, Duration window, Duration hold) {

  /** Default of {@code flap.changes}. */
  public static final int DEFAULT_CHANGES = 4;

  /** Default of {@code flap.window}: 10 minutes. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** Default of {@code flap.hold}: 5 minutes. */
  public static final Duration DEFAULT_HOLD = Duration.ofMinutes(5);

  /** The defaults. */
  public static final FlapDamping DEFAULTS =
      new FlapDamping(DEFAULT_CHANGES, DEFAULT_WINDOW, DEFAULT_HOLD);

  public FlapDamping {
    if (changes < 1) {
      throw new IllegalArgumentException("flap changes must be at least 1: " + changes);
    }
    if (window.isNegative() || window.isZero() || hold.isNegative()) {
      throw new IllegalArgumentException("flap window must be positive, hold not negative");
    }
  }
}
