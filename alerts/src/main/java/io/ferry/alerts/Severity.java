package io.ferry.alerts;

import java.util.Locale;
import java.util.Optional;

/** How urgently a person must act on an alert; routes usually match on it. */
public enum Severity {
  /** Wake someone up: act now. */
  PAGE,
  /** Open a ticket: act within working hours. */
  TICKET,
  /** Worth a look; nobody is woken. */
  WARNING,
  /** For the record only. */
  INFO;

  /** The name used in rule files and labels: {@code page}, {@code ticket}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity named {@code name} in a rule file, if any. */
  public static Optional<Severity> fromConfigName(String name) {
    for (Severity severity : values()) {
      if (severity.configName().equals(name)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
