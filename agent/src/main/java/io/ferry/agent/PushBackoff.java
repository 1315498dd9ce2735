package io.ferry.agent;

/**
 * Spaces out retries while the collector fails, counted in ticks: after the first failure the next
 * tick tries again, then 1, 3, 7, 15 and at most {@value #MAX_SKIPPED_TICKS} ticks are skipped
 * between attempts (about 5 minutes at a 10 s interval). A success resets it.
 */
final class PushBackoff {

  static final int MAX_SKIPPED_TICKS = 31;

  private int consecutiveFailures;
  private int ticksToSkip;

  /** Whether this tick must pass without an attempt; counts the tick when it does. */
  boolean skipThisTick() {
    if (ticksToSkip > 0) {
      ticksToSkip--;
      return true;
    }
    return false;
  }

  void failed() {
    consecutiveFailures = Math.min(consecutiveFailures + 1, 30);
    ticksToSkip = (int) Math.min((1L << (consecutiveFailures - 1)) - 1, MAX_SKIPPED_TICKS);
  }

  void succeeded() {
    consecutiveFailures = 0;
    ticksToSkip = 0;
  }
}
