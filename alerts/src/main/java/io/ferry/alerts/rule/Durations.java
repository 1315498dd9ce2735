package io.ferry.alerts.rule;

import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import java.time.Duration;

/** Durations in rule files where zero makes sense ({@code for: 0s}, a test's time {@code 0s}). */
public final class Durations {

  private Durations() {}

  /**
   * A duration of zero or more such as {@code 0s}, {@code 90s}, {@code 5m}; the default if absent.
   */
  public static Duration atLeastZero(ConfigMapping mapping, String key, Duration defaultValue) {
    return mapping.parsed(
        key, defaultValue, "a duration such as 0s, 30s, 5m or 1h", ConfigUnits::parseDuration);
  }
}
