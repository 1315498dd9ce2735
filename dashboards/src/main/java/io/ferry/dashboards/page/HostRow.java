package io.ferry.dashboards.page;

import java.time.Instant;

/**
 * One host of the fleet, with its latest readings; a reading the host did not report is null.
 *
 * @param host the {@code host} tag
 * @param cluster the {@code cluster} tag, or null
 * @param role the {@code role} tag, or null
 * @param lastReport the time of its newest point, or null when it never reported in the range
 * @param cpuPercent CPU busy (100 − idle), percent
 * @param memPercent memory used, percent
 * @param diskPercent the fullest file system's used space, percent
 * @param silent whether it stopped reporting (no point for longer than the silence bound)
 * @param neverReported whether it is an expected host (the alert inventory) with no point at all in
 *     the fleet's lookback; such a host is also silent
 */
public record HostRow(
    String host,
    String cluster,
    String role,
    Instant lastReport,
    Double cpuPercent,
    Double memPercent,
    Double diskPercent,
    boolean silent,
    boolean neverReported) {

  /** A host that reported, or stopped reporting. */
  public HostRow(
      String host,
      String cluster,
      String role,
      Instant lastReport,
      Double cpuPercent,
      Double memPercent,
      Double diskPercent,
      boolean silent) {
    this(host, cluster, role, lastReport, cpuPercent, memPercent, diskPercent, silent, false);
  }

  /** An expected host that never reported. */
  public static HostRow neverReported(String host) {
    return new HostRow(host, null, null, null, null, null, null, true, true);
  }
}
