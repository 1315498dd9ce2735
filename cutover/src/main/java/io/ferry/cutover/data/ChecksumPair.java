package io.ferry.cutover.data;

/**
 * One chunk's checksum on both sides.
 *
 * @param oldSide the old primary's checksum
 * @param newSide the new primary's checksum
 */
record ChecksumPair(ChunkChecksum oldSide, ChunkChecksum newSide) {

  boolean matches() {
    return oldSide.equals(newSide);
  }
}
