package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One verdict of one check, with the evidence a person needs to act on it.
 *
 * @param family the check family (see {@link CheckFamily}), written as its label, e.g. {@code
 *     schema}
 * @param name what was checked, e.g. {@code columns} or {@code replica threads}
 * @param status PASS, WARN or FAIL
 * @param summary one line for the terminal
 * @param evidence the facts behind the status, one per line; never contains a password or hash
 * @param finished false for a result standing for a family that threw instead of answering: its
 *     FAIL sets the could-not-finish bit (64) instead of the family's; in the JSON report such a
 *     result is named {@value #COULD_NOT_FINISH}
 */
@JsonPropertyOrder({"family", "name", "status", "summary", "evidence"})
public record CheckResult(
    CheckFamily family,
    String name,
    Status status,
    String summary,
    List<String> evidence,
    @JsonIgnore boolean finished) {

  /** The {@link #name()} of a result standing for a check family that could not finish. */
  public static final String COULD_NOT_FINISH = "could not finish";

  public CheckResult {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    if (!finished && (status != Status.FAIL || !COULD_NOT_FINISH.equals(name))) {
      throw new IllegalArgumentException(
          "a check that could not finish is a FAIL named '" + COULD_NOT_FINISH + "'");
    }
  }

  /**
   * A result as the JSON report stores it: one named {@value #COULD_NOT_FINISH} that failed did not
   * finish.
   */
  @JsonCreator
  public static CheckResult stored(
      @JsonProperty(value = "family", required = true) CheckFamily family,
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "status", required = true) Status status,
      @JsonProperty(value = "summary", required = true) String summary,
      @JsonProperty(value = "evidence", required = true) List<String> evidence) {
    boolean finished = !(status == Status.FAIL && COULD_NOT_FINISH.equals(name));
    return new CheckResult(family, name, status, summary, evidence, finished);
  }

  /** A PASS with its evidence. */
  public static CheckResult pass(
      CheckFamily family, String name, String summary, List<String> evidence) {
    return of(family, name, Status.PASS, summary, evidence);
  }

  /** A finished check's result of the given status. */
  public static CheckResult of(
      CheckFamily family, String name, Status status, String summary, List<String> evidence) {
    return new CheckResult(family, name, status, summary, evidence, true);
  }

  /** A FAIL for a check family that stopped with an error; sets the could-not-finish bit. */
  public static CheckResult couldNotFinish(CheckFamily family, String reason) {
    return new CheckResult(
        family,
        COULD_NOT_FINISH,
        Status.FAIL,
        family.label() + " checks could not finish: " + reason,
        List.of(reason),
        false);
  }

  /** The exit-code bit this result sets: 0 unless it failed. */
  public int exitBit() {
    if (status != Status.FAIL) {
      return 0;
    }
    return finished ? family.bit() : CheckFamily.COULD_NOT_FINISH_BIT;
  }
}
