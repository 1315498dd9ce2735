package io.ferry.agent;

/** How one push (one or more requests at one tick) ended. */
public enum PushResult {
  /** Every buffered point was accepted; the buffer is empty. */
  DELIVERED,
  /** The buffer is empty, but the collector refused some lines, which were dropped. */
  PARTLY_REJECTED,
  /** The collector could not be reached or refused the token; points are kept for later. */
  FAILED,
  /** The previous push was still running, so this one did not start. */
  BUSY,
  /** Waiting after earlier failures; no request was made at this tick. */
  BACKING_OFF
}
