package io.ferry.dashboards.page;

/** The pages in the navigation bar, in order. */
public enum Nav {
  OVERVIEW("/", "Overview"),
  FLEET("/fleet", "Fleet"),
  REPLICATION("/replication", "Replication"),
  SLOS("/slos", "SLOs"),
  ALERTS("/alerts", "Alerts"),
  CUTOVER("/cutover", "Cutover");

  private final String path;
  private final String label;

  Nav(String path, String label) {
    this.path = path;
    this.label = label;
  }

  public String path() {
    return path;
  }

  public String label() {
    return label;
  }
}
