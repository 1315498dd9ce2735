package io.ferry.mysqlfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerDialectTest {

  @Test
  void readsFlavorAndVersionFromTheVersionText() {
    assertThat(ServerDialect.parse("10.11.19-MariaDB-0+deb12u1-log"))
        .isEqualTo(new ServerDialect(Flavor.MARIADB, ServerVersion.of(10, 11, 19)));
    assertThat(ServerDialect.parse("8.4.0-commercial"))
        .isEqualTo(new ServerDialect(Flavor.MYSQL, ServerVersion.of(8, 4, 0)));
    assertThat(ServerDialect.parse("5.7.44-log").mariaDb()).isFalse();
  }

  @Test
  void comparesVersionsNumericallyNotAsText() {
    assertThat(ServerDialect.parse("10.11.2-MariaDB").atLeast(10, 8)).isTrue();
    assertThat(ServerDialect.parse("10.6.16-MariaDB").atLeast(10, 8)).isFalse();
    assertThat(ServerVersion.parse("8.0.9-log").atLeast(ServerVersion.of(8, 0, 22))).isFalse();
    assertThat(ServerVersion.parse("8.0.22").atLeast(ServerVersion.of(8, 0, 22))).isTrue();
    assertThat(ServerDialect.parse("8.0.36").is(Flavor.MARIADB, ServerVersion.of(5, 0, 0)))
        .isFalse();
  }

  @Test
  void textWithoutAVersionIsRejectedWithTheText() {
    assertThatThrownBy(() -> ServerDialect.parse("unknown"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'unknown'");
    assertThatThrownBy(() -> ServerVersion.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
