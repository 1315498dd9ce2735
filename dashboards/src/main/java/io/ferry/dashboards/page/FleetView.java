package io.ferry.dashboards.page;

import java.time.Duration;
import java.util.List;

/**
 * The fleet page: every host, silent ones first.
 *
 * @param hosts the hosts
 * @param silentAfter how long without a point makes a host silent
 * @param error why the data could not be read (InfluxDB down), or null
 */
public record FleetView(List<HostRow> hosts, Duration silentAfter, String error) {

  public FleetView {
    hosts = List.copyOf(hosts);
  }

  public long silentCount() {
    return hosts.stream().filter(HostRow::silent).count();
  }

  /** Expected hosts (the alert inventory) that never reported; counted as silent too. */
  public long neverReportedCount() {
    return hosts.stream().filter(HostRow::neverReported).count();
  }
}
