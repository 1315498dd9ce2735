package io.ferry.agent.spool;

/**
 * A batch waiting in the spool.
 *
 * @param id its place in the spool: a larger id was spooled later
 * @param points how many points it holds
 * @param createdMillis when it was spooled, in epoch milliseconds
 */
public record SpoolEntry(long id, int points, long createdMillis) {}
