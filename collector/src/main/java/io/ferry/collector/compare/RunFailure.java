package io.ferry.collector.compare;

import java.time.Instant;

/**
 * A comparison run that ended without a report (a failure outside the checks, which the comparison
 * itself reports as "could not finish").
 *
 * @param message what went wrong, one line
 * @param at when the run ended
 */
public record RunFailure(String message, Instant at) {}
