package io.ferry.agent.input;

/**
 * What the agent knows about one source's work, written as its {@code ferry_agent} point.
 *
 * @param source the source's name
 * @param collectMillis how long the last finished collection took, in milliseconds; negative before
 *     the first one finished
 * @param errors failures since start: whole collections that threw plus parts reported with {@link
 *     Accumulator#addError}
 * @param skipped ticks since start at which the source was not collected because the previous
 *     collection was still running
 * @param points points produced by the last finished collection
 */
public record SourceStats(
    String source, double collectMillis, long errors, long skipped, long points) {}
