package io.ferry.dashboards.page;

import java.util.List;

/**
 * The alerts page.
 *
 * @param configured whether the collector has an {@code alerts:} section
 * @param active firing and pending alerts, firing first
 * @param silences silences, active first
 * @param history recent status changes, newest first
 * @param notice what the last form did, or null
 * @param error what was wrong with the last form, or why data is missing; or null
 */
public record AlertsView(
    boolean configured,
    List<AlertRow> active,
    List<SilenceRow> silences,
    List<AlertHistoryRow> history,
    String notice,
    String error) {

  public AlertsView {
    active = List.copyOf(active);
    silences = List.copyOf(silences);
    history = List.copyOf(history);
  }

  public List<AlertRow> firing() {
    return active.stream()
        .filter(a -> "firing".equals(a.status()) && a.silencedBy() == null)
        .toList();
  }

  public List<AlertRow> pending() {
    return active.stream()
        .filter(a -> "pending".equals(a.status()) && a.silencedBy() == null)
        .toList();
  }

  public List<AlertRow> silenced() {
    return active.stream().filter(a -> a.silencedBy() != null).toList();
  }
}
