package io.ferry.agent.input.mysql;

/**
 * The one-word summary of a replication channel written as field {@code state}, so that a stopped
 * or broken channel is visible in every collection rather than as a missing lag.
 */
enum ReplicationState {
  /** Both threads run. */
  RUNNING("running"),
  /** The IO thread is connecting (no error yet); the SQL thread runs. */
  CONNECTING("connecting"),
  /** The IO thread is stopped, the SQL thread runs, and no error is recorded. */
  IO_STOPPED("io_stopped"),
  /** The SQL thread is stopped, the IO thread runs or connects, and no error is recorded. */
  SQL_STOPPED("sql_stopped"),
  /** Both threads are stopped without a recorded error, e.g. after {@code STOP REPLICA}. */
  STOPPED("stopped"),
  /** A thread is not running and an IO or SQL error is recorded. */
  ERROR("error");

  private final String fieldValue;

  ReplicationState(String fieldValue) {
    this.fieldValue = fieldValue;
  }

  /** The value of the {@code state} field. */
  String fieldValue() {
    return fieldValue;
  }

  /**
   * Summarizes a channel.
   *
   * @param errorRecorded whether {@code Last_IO_Errno} or {@code Last_SQL_Errno} is non-zero
   */
  static ReplicationState of(ThreadState io, ThreadState sql, boolean errorRecorded) {
    boolean bothRunning = io.isRunning() && sql.isRunning();
    if (bothRunning) {
      return RUNNING;
    }
    if (errorRecorded) {
      return ERROR;
    }
    if (!sql.isRunning()) {
      return io == ThreadState.STOPPED ? STOPPED : SQL_STOPPED;
    }
    return io == ThreadState.CONNECTING ? CONNECTING : IO_STOPPED;
  }
}
