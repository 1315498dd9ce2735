package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MariaDbOptionsTest {

  @Test
  void builderDefaultsToALoneWritableServer() {
    assertThat(MariaDbOptions.builder("solo").build())
        .isEqualTo(new MariaDbOptions("solo", 1, 0, 1, 1, false));
  }

  @Test
  void nameThatCannotBeADirectoryNameIsRejected() {
    assertThatThrownBy(() -> MariaDbOptions.builder("../etc").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../etc'");
  }

  @Test
  void offsetBeyondTheIncrementIsRejectedWithTheInstanceName() {
    assertThatThrownBy(() -> MariaDbOptions.builder("p").autoIncrement(2, 3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "p: autoIncrementOffset must be between 1 and autoIncrementIncrement (2), was 3");
  }

  @Test
  void serverIdZeroIsRejected() {
    assertThatThrownBy(() -> MariaDbOptions.builder("p").serverId(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p: serverId must be at least 1, was 0");
  }
}
