package io.ferry.cutover.data;

/**
 * How busy the servers are, measured before each chunk.
 *
 * @param threadsRunning highest {@code Threads_running} of the primaries
 * @param maxReplicaLagSeconds highest lag, in seconds, of any running replication channel of any
 *     node (stopped channels have no lag; the replication checks report them)
 */
public record ServerLoad(int threadsRunning, long maxReplicaLagSeconds) {}
