package io.ferry.agent.input;

/**
 * What the agent knows about one input's work, written as its {@code ferry_agent} point.
 *
 * @param input the input's name
 * @param collectMillis how long the last finished collection took, in milliseconds; negative before
 *     the first one finished
 * @param errors failures since start: whole collections that threw plus parts reported with {@link
 *     Accumulator#addError}
 * @param skipped ticks since start at which the input was not collected because the previous
 *     collection was still running
 * @param points points produced by the last finished collection
 */
public record InputStats(
    String input, double collectMillis, long errors, long skipped, long points) {}
