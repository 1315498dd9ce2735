package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadLimitTest {

  @Test
  void readsOneOrSeveralLimitsWithEqualsOrColonAsPtTableChecksumDoes() {
    assertThat(LoadLimit.parseList("Threads_running=25"))
        .containsExactly(new LoadLimit("Threads_running", 25));
    assertThat(LoadLimit.parseList("Threads_running:40, Innodb_row_lock_current_waits=3"))
        .containsExactly(
            new LoadLimit("Threads_running", 40),
            new LoadLimit("Innodb_row_lock_current_waits", 3));
  }

  @Test
  void writesWhatItReads() {
    List<LoadLimit> limits = LoadLimit.parseList("Threads_running=25,Threads_connected=400");

    assertThat(LoadLimit.format(limits)).isEqualTo("Threads_running=25,Threads_connected=400");
  }

  @Test
  void badTextIsNamed() {
    assertThatThrownBy(() -> LoadLimit.parseList("Threads_running"))
        .hasMessage("'Threads_running' is not VARIABLE=NUMBER (e.g. Threads_running=25)");
    assertThatThrownBy(() -> LoadLimit.parseList("Threads_running=25,"))
        .hasMessage("'' is not VARIABLE=NUMBER (e.g. Threads_running=25)");
    assertThatThrownBy(() -> LoadLimit.parseList("x'; DROP TABLE t=1"))
        .hasMessageStartingWith("'x'; DROP TABLE t=1' is not VARIABLE=NUMBER");
    assertThatThrownBy(() -> LoadLimit.parseList("Threads_running=99999999999999999999"))
        .hasMessage("'99999999999999999999' is too large a limit");
  }
}
