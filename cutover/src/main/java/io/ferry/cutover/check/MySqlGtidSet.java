package io.ferry.cutover.check;

/** Reads MySQL GTID sets such as {@code uuid:1-5:7,uuid2:1-3}. */
final class MySqlGtidSet {

  private MySqlGtidSet() {}

  /** The highest transaction number of one server UUID in the set; 0 when it has none. */
  static long lastTransaction(String gtidSet, String uuid) {
    long last = 0;
    for (String member : gtidSet.replace("\n", "").split(",")) {
      String[] parts = member.strip().split(":");
      if (!parts[0].equalsIgnoreCase(uuid)) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String interval = parts[i];
        int dash = interval.indexOf('-');
        last = Math.max(last, Long.parseLong(dash < 0 ? interval : interval.substring(dash + 1)));
      }
    }
    return last;
  }
}
