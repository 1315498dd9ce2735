package io.ferry.cutover.data;

/**
 * How summaries name the two sides of a comparison.
 *
 * @param first the side whose rows are counted as {@code rowsOld}: {@code old}, or {@code primary}
 * @param second the side whose rows are counted as {@code rowsNew}: {@code new}, or {@code replica}
 */
record SideNames(String first, String second) {

  /** The two primaries. */
  static final SideNames CLUSTERS = new SideNames("old", "new");

  /** A replica's primary and the replica. */
  static final SideNames PRIMARY_AND_REPLICA = new SideNames("primary", "replica");
}
