package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The families of checks and the exit-code bit each sets when one of its results fails. The exit
 * code gates the traffic switch, so every family needs a bit here before its checks can report.
 *
 * <p>The comparison with the pre-cutover report has its own family and bit (128) rather than
 * sharing traffic's: a regression since the pre-cutover run says something other than "traffic did
 * not move", and a script can tell them apart. All bits together make 255, so every combination
 * still fits in an exit code; shells also report a process killed by a signal as 128 + the signal
 * number, so read an exit code above 128 from Ferry as bits, not as a signal.
 */
public enum CheckFamily {
  /**
   * A server could not be reached, the account lacks a privilege the run needs, or two endpoints
   * are one server: nothing was compared, so its failures set the could-not-finish bit (64).
   */
  ACCESS("access", 64),
  /** Table contents differ (bit 1). */
  DATA("data", 1),
  /** Databases, tables, columns, indexes or other objects differ (bit 2). */
  SCHEMA("schema", 2),
  /** Replication or topology is unhealthy (bit 4). */
  REPLICATION("replication", 4),
  /** Behaviour-changing server configuration differs (bit 8). */
  CONFIGURATION("configuration", 8),
  /** Users or grants differ (bit 16). */
  GRANTS("grants", 16),
  /** Post-cutover traffic checks failed (bit 32). */
  TRAFFIC("traffic", 32),
  /**
   * After the switch, the new report differs from the pre-cutover one: a check that passed before
   * fails now, a table disappeared or drifts now but did not before (bit 128).
   */
  BASELINE("baseline", 128);

  /** Bit set when any check could not finish (connection lost, timeout, unexpected error). */
  public static final int COULD_NOT_FINISH_BIT = 64;

  private final String label;
  private final int bit;

  CheckFamily(String label, int bit) {
    this.label = label;
    this.bit = bit;
  }

  /** The name used in results and reports, e.g. {@code replication}. */
  @JsonValue
  public String label() {
    return label;
  }

  /** The exit-code bit a failure of this family sets. */
  public int bit() {
    return bit;
  }

  /** The label: how the terminal, the HTML and the JSON report name the family. */
  @Override
  public String toString() {
    return label;
  }

  /**
   * Finds a family by its label.
   *
   * @throws IllegalArgumentException naming the label and the known ones
   */
  @JsonCreator
  public static CheckFamily ofLabel(String label) {
    return Arrays.stream(values())
        .filter(family -> family.label.equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown check family '"
                        + label
                        + "'; known: "
                        + Arrays.stream(values()).map(CheckFamily::label).toList()));
  }

  /**
   * What an exit code says failed, in bit order: family labels, and {@code could not finish} for
   * bit 64; empty for 0 (GO).
   */
  public static List<String> namesOf(int exitCode) {
    List<String> names = new ArrayList<>();
    for (CheckFamily family : values()) {
      if (family.bit < COULD_NOT_FINISH_BIT && (exitCode & family.bit) != 0) {
        names.add(family.label);
      }
    }
    if ((exitCode & COULD_NOT_FINISH_BIT) != 0) {
      names.add("could not finish");
    }
    for (CheckFamily family : values()) {
      if (family.bit > COULD_NOT_FINISH_BIT && (exitCode & family.bit) != 0) {
        names.add(family.label);
      }
    }
    return names;
  }
}
