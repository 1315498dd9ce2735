package io.ferry.cutover.data;

/**
 * What one server computed for one chunk.
 *
 * @param rows row count
 * @param hashSum exact sum of the rows' 64-bit hashes, in decimal
 */
public record ChunkChecksum(long rows, String hashSum) {}
