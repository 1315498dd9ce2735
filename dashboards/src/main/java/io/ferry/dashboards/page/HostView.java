package io.ferry.dashboards.page;

import java.util.List;

/**
 * One host's page.
 *
 * @param summary its latest readings (all null when it has none)
 * @param charts its series over the page's range
 */
public record HostView(HostRow summary, List<ChartRef> charts) {

  public HostView {
    charts = List.copyOf(charts);
  }
}
