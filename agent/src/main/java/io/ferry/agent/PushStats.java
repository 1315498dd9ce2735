package io.ferry.agent;

/**
 * The push pipeline's figures, written as the agent's untagged {@code ferry_agent} point.
 *
 * @param bufferedPoints points waiting to be sent now
 * @param droppedPoints points given up since start: dropped from a full buffer, or refused by the
 *     collector with HTTP 400
 * @param pushErrors requests since start that did not deliver their batch
 * @param pushedPoints points the collector accepted since start
 */
public record PushStats(
    long bufferedPoints, long droppedPoints, long pushErrors, long pushedPoints) {}
