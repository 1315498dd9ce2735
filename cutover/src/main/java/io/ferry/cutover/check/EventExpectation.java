package io.ferry.cutover.check;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.Status;

/**
 * What the status of one event on both sides means in a phase. The side taking writes (the old one
 * before the switch, the new one after it) should run each enabled job and the other side should
 * hold it disabled the way replication leaves it ({@code SLAVESIDE_DISABLED}), so it runs exactly
 * once; an event turned off ({@code DISABLED}) on one side only is drift.
 *
 * @param status PASS, WARN (something to do at the switch) or FAIL
 * @param description what it means, for the evidence line
 */
record EventExpectation(Status status, String description) {

  /** Judges one event present on both sides. */
  static EventExpectation of(Phase phase, EventState oldState, EventState newState) {
    boolean oldOff = oldState == EventState.DISABLED;
    boolean newOff = newState == EventState.DISABLED;
    if (oldOff && newOff) {
      return new EventExpectation(Status.PASS, "disabled on both sides");
    }
    if (oldOff || newOff) {
      String side = oldOff ? "old" : "new";
      return new EventExpectation(
          Status.FAIL,
          "explicitly DISABLED on the "
              + side
              + " side only (old "
              + oldState
              + ", new "
              + newState
              + ")");
    }
    boolean oldRuns = oldState == EventState.ENABLED;
    boolean newRuns = newState == EventState.ENABLED;
    if (oldRuns && newRuns) {
      return new EventExpectation(
          Status.FAIL, "ENABLED on both sides: the scheduled job runs twice");
    }
    if (!oldRuns && !newRuns) {
      return new EventExpectation(
          phase == Phase.POST ? Status.FAIL : Status.WARN,
          "enabled on neither side: the scheduled job runs nowhere");
    }
    if (phase == Phase.PRE) {
      return oldRuns
          ? new EventExpectation(
              Status.WARN, "enable at switch: runs on the old side, replica-side disabled on new")
          : new EventExpectation(
              Status.WARN, "runs on the new side already, before the switch (old side replica)");
    }
    return newRuns
        ? new EventExpectation(Status.PASS, "runs on the new side only")
        : new EventExpectation(
            Status.FAIL,
            "still runs on the old side only: enable it on the new side and disable it on the old");
  }
}
