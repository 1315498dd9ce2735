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
 */
public record HostRow(
    String host,
    String cluster,
    String role,
    Instant lastReport,
    Double cpuPercent,
    Double memPercent,
    Double diskPercent,
    boolean silent) {}
