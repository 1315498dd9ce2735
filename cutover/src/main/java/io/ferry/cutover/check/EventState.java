package io.ferry.cutover.check;

import java.util.Locale;

/** The status of one scheduled event on one server, from {@code information_schema.EVENTS}. */
enum EventState {
  /** {@code ENABLED}: the server runs it. */
  ENABLED,
  /** {@code DISABLED}: someone turned it off on this server. */
  DISABLED,
  /**
   * {@code SLAVESIDE_DISABLED} (MySQL 8.4: {@code REPLICA_SIDE_DISABLED}): the event came through
   * replication, so the server does not run it until someone enables it; the normal state of an
   * event on a replica, not a decision to turn it off.
   */
  REPLICA_SIDE_DISABLED;

  /**
   * Reads a {@code STATUS} value.
   *
   * @throws IllegalArgumentException quoting an unknown value
   */
  static EventState parse(String status) {
    return switch (status == null ? "" : status.strip().toUpperCase(Locale.ROOT)) {
      case "ENABLED" -> ENABLED;
      case "DISABLED" -> DISABLED;
      case "SLAVESIDE_DISABLED", "REPLICA_SIDE_DISABLED" -> REPLICA_SIDE_DISABLED;
      default -> throw new IllegalArgumentException("unknown event status '" + status + "'");
    };
  }
}
