package io.ferry.agent.input.mysql;

import static io.ferry.agent.input.mysql.ThreadState.CONNECTING;
import static io.ferry.agent.input.mysql.ThreadState.RUNNING;
import static io.ferry.agent.input.mysql.ThreadState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicationStateTest {

  @ParameterizedTest(name = "io={0} sql={1} error={2} -> {3}")
  @CsvSource({
    "RUNNING,    RUNNING, false, running",
    "RUNNING,    RUNNING, true,  running",
    "CONNECTING, RUNNING, false, connecting",
    "CONNECTING, RUNNING, true,  error",
    "STOPPED,    RUNNING, false, io_stopped",
    "STOPPED,    RUNNING, true,  error",
    "RUNNING,    STOPPED, false, sql_stopped",
    "CONNECTING, STOPPED, false, sql_stopped",
    "RUNNING,    STOPPED, true,  error",
    "STOPPED,    STOPPED, false, stopped",
    "STOPPED,    STOPPED, true,  error",
  })
  void summarizesBothThreadsAndRecordedErrors(
      ThreadState io, ThreadState sql, boolean error, String expected) {
    assertThat(ReplicationState.of(io, sql, error).fieldValue()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"Yes, RUNNING", "No, STOPPED", "Connecting, CONNECTING", "yes, RUNNING"})
  void readsTheServersThreadFlags(String flag, ThreadState expected) {
    assertThat(ThreadState.parse("Slave_IO_Running", flag)).isEqualTo(expected);
  }

  @Test
  void onlyRunningCountsAsRunning() {
    assertThat(RUNNING.isRunning()).isTrue();
    assertThat(CONNECTING.isRunning()).isFalse();
    assertThat(STOPPED.isRunning()).isFalse();
  }
}
