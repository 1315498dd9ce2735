package io.ferry.agent.spool;

/**
 * The spool's figures, written in the agent's {@code ferry_agent} point.
 *
 * @param bytes bytes the unsent batches take (segment files plus batches held in memory)
 * @param batches unsent batches
 * @param points points in the unsent batches
 * @param oldestCreatedMillis when the oldest unsent batch was spooled (epoch milliseconds), or -1
 *     when the spool is empty
 * @param onDisk false while the directory cannot be written and batches are held in memory
 * @param droppedBatches batches dropped past the bound or found damaged, since the agent started
 * @param droppedPoints points in those batches
 */
public record SpoolStats(
    long bytes,
    long batches,
    long points,
    long oldestCreatedMillis,
    boolean onDisk,
    long droppedBatches,
    long droppedPoints) {

  static final SpoolStats EMPTY = new SpoolStats(0, 0, 0, -1, true, 0, 0);
}
