package io.ferry.agent.input.mysql;

import java.util.Locale;

/**
 * The state of one replication thread as {@code Replica_IO_Running} / {@code Slave_SQL_Running}
 * report it: {@code Yes}, {@code No} or, for the IO thread, {@code Connecting}.
 */
enum ThreadState {
  RUNNING("running"),
  CONNECTING("connecting"),
  STOPPED("stopped");

  private final String fieldValue;

  ThreadState(String fieldValue) {
    this.fieldValue = fieldValue;
  }

  /** The value of the {@code io_state} / {@code sql_state} field. */
  String fieldValue() {
    return fieldValue;
  }

  /** Only a thread that is fully running counts as running; {@code Connecting} does not. */
  boolean isRunning() {
    return this == RUNNING;
  }

  /**
   * @throws UnexpectedValueException for a value the server documentation does not list
   */
  static ThreadState parse(String column, String value) {
    String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (normalized) {
      case "yes" -> RUNNING;
      case "connecting" -> CONNECTING;
      case "no" -> STOPPED;
      default -> throw new UnexpectedValueException(column, value, "is not Yes, No or Connecting");
    };
  }
}
