package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.ComparisonOptions;
import org.junit.jupiter.api.Test;

class HeartbeatReaderTest {

  @Test
  void acceptsOnlyDatabaseDotTableOfPlainIdentifiers() {
    assertThat(HeartbeatReader.isValidName("percona.heartbeat")).isTrue();
    assertThat(HeartbeatReader.isValidName("ops_1.hb$")).isTrue();
    assertThat(HeartbeatReader.isValidName("heartbeat")).isFalse();
    assertThat(HeartbeatReader.isValidName("a.b.c")).isFalse();
    assertThat(HeartbeatReader.isValidName("a.b`; DROP TABLE t")).isFalse();
    assertThat(HeartbeatReader.isValidName(null)).isFalse();
  }

  @Test
  void theOptionDefaultsToPtHeartbeatsTableAndRejectsABadName() {
    assertThat(ComparisonOptions.defaults().heartbeatTable()).isEqualTo("percona.heartbeat");
    assertThatThrownBy(() -> ComparisonOptions.builder().heartbeatTable("heartbeat").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heartbeatTable must be of the form database.table, was heartbeat");
  }
}
