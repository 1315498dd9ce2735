package io.ferry.alerts;

/** Where an alert stands in its life. */
public enum AlertStatus {
  /** The condition holds, but not yet for the rule's {@code for} duration; nobody is told. */
  PENDING,
  /** The condition has held for the rule's {@code for} duration: notifications go out. */
  FIRING,
  /** The condition cleared after the alert fired: a resolved notice goes out. */
  RESOLVED
}
