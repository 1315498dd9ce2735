package io.ferry.cutover.report;

import java.util.List;
import java.util.Objects;

/**
 * One verdict of one check, with the evidence a person needs to act on it.
 *
 * @param family the check family's label (see {@link CheckFamily}), e.g. {@code schema}
 * @param name what was checked, e.g. {@code columns} or {@code replica threads}
 * @param status PASS, WARN or FAIL
 * @param summary one line for the terminal
 * @param evidence the facts behind the status, one per line; never contains a password or hash
 */
public record CheckResult(
    String family, String name, Status status, String summary, List<String> evidence) {

  /** The {@link #name()} of a result standing for a check that threw instead of answering. */
  public static final String COULD_NOT_FINISH = "could not finish";

  public CheckResult {
    CheckFamily.ofLabel(family);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
  }

  /** A PASS with its evidence. */
  public static CheckResult pass(
      CheckFamily family, String name, String summary, List<String> evidence) {
    return new CheckResult(family.label(), name, Status.PASS, summary, evidence);
  }

  /** A result of the given status. */
  public static CheckResult of(
      CheckFamily family, String name, Status status, String summary, List<String> evidence) {
    return new CheckResult(family.label(), name, status, summary, evidence);
  }

  /** A FAIL for a check family that stopped with an error; sets the could-not-finish bit. */
  public static CheckResult couldNotFinish(CheckFamily family, String reason) {
    return new CheckResult(
        family.label(),
        COULD_NOT_FINISH,
        Status.FAIL,
        family.label() + " checks could not finish: " + reason,
        List.of(reason));
  }

  /** The exit-code bit this result sets: 0 unless it failed. */
  public int exitBit() {
    if (status != Status.FAIL) {
      return 0;
    }
    return COULD_NOT_FINISH.equals(name)
        ? CheckFamily.COULD_NOT_FINISH_BIT
        : CheckFamily.ofLabel(family).bit();
  }
}
