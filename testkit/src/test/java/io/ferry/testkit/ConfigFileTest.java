package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

  @Test
  void mariaDbConfigHoldsEveryPathPortAndReplicationSetting() {
    MariaDbOptions options =
        MariaDbOptions.builder("old-primary")
            .serverId(1)
            .gtidDomainId(1)
            .autoIncrement(2, 1)
            .build();
    MariaDbLayout layout = new MariaDbLayout(Path.of("/state/old-primary"));

    String text = new MariaDbConfigFile(options, layout, 40001, true).render();

    assertThat(text).isEqualTo(Fixtures.text("mariadb-old-primary.cnf"));
  }

  @Test
  void extraServerOptionsGoToTheServerSectionAfterTheKitsOwn() {
    MariaDbOptions options =
        MariaDbOptions.builder("tls").serverOption("ssl-ca = /certs/ca.pem").build();
    MariaDbLayout layout = new MariaDbLayout(Path.of("/state/tls"));

    String text = new MariaDbConfigFile(options, layout, 40001, false).render();

    assertThat(text).contains("\nreport_port = 40001\nssl-ca = /certs/ca.pem\n\n[client]\n");
  }

  @Test
  void mariaDbConfigOmitsUserWhenNotRootAndSetsReadOnly() {
    MariaDbOptions options = MariaDbOptions.builder("replica").readOnly(true).build();
    MariaDbLayout layout = new MariaDbLayout(Path.of("/state/replica"));

    String text = new MariaDbConfigFile(options, layout, 40001, false).render();

    assertThat(text).doesNotContain("user =").contains("\nread_only = ON\n");
  }

  @Test
  void influxDbConfigBindsBothPortsToLoopbackAndKeepsDataInItsDirectory() {
    String text = new InfluxDbConfigFile(Path.of("/state/influxdb"), 40001, 40002).render();

    assertThat(text).isEqualTo(Fixtures.text("influxdb.conf"));
  }
}
