package io.ferry.dashboards.page;

import java.util.List;

/**
 * The landing page: the migration at a glance.
 *
 * @param replication both clusters and their links
 * @param firing firing alerts not silenced
 * @param latestVerdict the latest comparison, or null
 * @param silentHosts hosts that stopped reporting
 * @param hostCount hosts seen in the range
 */
public record OverviewView(
    ReplicationView replication,
    List<AlertRow> firing,
    VerdictRow latestVerdict,
    List<HostRow> silentHosts,
    int hostCount) {

  public OverviewView {
    firing = List.copyOf(firing);
    silentHosts = List.copyOf(silentHosts);
  }
}
