package io.ferry.agent;

/** How sending everything that waits in the spool ended ({@link PushPipeline#flush()}). */
public enum PushResult {
  /** Every batch was accepted; the spool is empty. */
  DELIVERED,
  /** The spool is empty, but the collector refused some lines, which were dropped. */
  PARTLY_REJECTED,
  /** The collector could not be reached or refused the token; batches stay in the spool. */
  FAILED
}
