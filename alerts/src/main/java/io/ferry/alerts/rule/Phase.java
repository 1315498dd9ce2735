package io.ferry.alerts.rule;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the migration stands, for rules whose expectations flip at the switch (which side is
 * writable). The collector's configuration says which phase is current.
 */
public enum Phase {
  /** Before the DNS switch: the old cluster takes the writes. */
  PRE,
  /** After the switch: the new cluster takes the writes. */
  POST;

  /** The name in configuration files: {@code pre} or {@code post}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The phase named {@code name} in a configuration file, if any. */
  public static Optional<Phase> fromConfigName(String name) {
    for (Phase phase : values()) {
      if (phase.configName().equals(name)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
