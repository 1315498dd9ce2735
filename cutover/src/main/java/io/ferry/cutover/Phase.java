package io.ferry.cutover;

import java.util.Locale;
import java.util.Optional;

/** When a comparison runs relative to the traffic switch; the checks expect different states. */
public enum Phase {
  /** Before the switch: the old primary takes the writes and the new side replicates from it. */
  PRE,
  /** After the switch: the new primary takes the writes and the old side replicates back. */
  POST;

  /** {@code pre} or {@code post}: how the command line, the YAML and the report write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The phase a label names ({@code pre} or {@code post}, any case); empty for anything else. The
   * one parser of the command line, the YAML configuration and the JSON report.
   */
  public static Optional<Phase> parse(String label) {
    for (Phase phase : values()) {
      if (phase.label().equalsIgnoreCase(label)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
