package io.ferry.dashboards.page;

import java.util.List;

/**
 * The SLO page.
 *
 * @param slos every configured SLO
 * @param configured whether the collector has an {@code alerts:} section at all
 */
public record SloView(List<SloRow> slos, boolean configured) {

  public SloView {
    slos = List.copyOf(slos);
  }
}
