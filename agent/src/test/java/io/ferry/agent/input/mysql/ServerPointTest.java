package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServerPointTest {

  private static final ServerInfo MARIADB =
      new ServerInfo(Flavor.MARIADB, ServerVersion.of(10, 11, 19), "10.11.19-MariaDB-log");

  @Test
  void mysqlPointJoinsVersionVariablesStatusAndChannelCount() {
    var point =
        ServerPoint.mysql(
            MARIADB,
            Map.of("server_id", FieldValue.of(4L)),
            Map.of("uptime", FieldValue.of(15L)),
            OptionalInt.of(0));

    assertThat(LineProtocolWriter.toLine(point))
        .isEqualTo(
            "mysql version=\"10.11.19-MariaDB-log\",server_id=4i,uptime=15i,replication_channels=0i");
  }

  @Test
  void anUnreadReplicaStatusLeavesTheChannelCountOutInsteadOfZero() {
    var point = ServerPoint.mysql(MARIADB, Map.of(), Map.of(), OptionalInt.empty());

    assertThat(point.fields()).containsOnlyKeys("version");
  }

  @Test
  void downCarriesTheReasonOnOneLine() {
    var point = ServerPoint.down("cannot connect: Communications link failure\n\nThe last packet");

    assertThat(LineProtocolWriter.toLine(point))
        .isEqualTo(
            "mysql_up up=false,error=\"cannot connect: Communications link failure The last packet\"");
    assertThat(LineProtocolWriter.toLine(ServerPoint.up())).isEqualTo("mysql_up up=true");
  }
}
