package io.ferry.collector.compare;

import java.time.Instant;

/**
 * The answer to a request for a comparison run.
 *
 * @param started true when a new run started; false when one was already running
 * @param startedAt when the new run, or the one already running, started
 */
public record RunStart(boolean started, Instant startedAt) {}
