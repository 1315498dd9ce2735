package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationStackTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(20);

  private static MigrationStack stack;
  private static String database;

  @BeforeAll
  static void createDatabase() {
    stack = SharedStack.get();
    database = "testkit_" + UUID.randomUUID().toString().substring(0, 8);
    stack
        .oldPrimary()
        .execute(
            "CREATE DATABASE " + database,
            "CREATE TABLE "
                + database
                + ".items (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(40))");
    stack.awaitReplicationCaughtUp(CATCH_UP);
  }

  @Test
  void influxDbAnswersPingWithItsVersion() throws Exception {
    HttpResponse<Void> ping =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.influx().url() + "/ping")).build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(ping.statusCode()).isEqualTo(204);
    assertThat(ping.headers().firstValue("X-Influxdb-Version"))
        .hasValueSatisfying(v -> assertThat(v).contains("1.6.7"));
  }

  @Test
  void rowWrittenOnOldPrimaryReachesEveryOtherServer() throws Exception {
    stack.oldPrimary().execute("INSERT INTO " + database + ".items (label) VALUES ('from-old')");

    stack.awaitReplicationCaughtUp(CATCH_UP);

    for (LocalMariaDb server : stack.mariaDbs()) {
      assertThat(idsLabelled(server, "from-old")).as(server.name()).hasSize(1);
    }
  }

  @Test
  void rowWrittenOnNewPrimaryReachesOldSideThroughMasterMaster() throws Exception {
    stack.newPrimary().execute("INSERT INTO " + database + ".items (label) VALUES ('from-new')");

    stack.awaitReplicationCaughtUp(CATCH_UP);

    assertThat(idsLabelled(stack.oldPrimary(), "from-new")).hasSize(1);
    assertThat(idsLabelled(stack.oldReplica(), "from-new")).hasSize(1);
  }

  @Test
  void primariesGenerateIdsThatCannotCollide() throws Exception {
    stack.oldPrimary().execute("INSERT INTO " + database + ".items (label) VALUES ('odd')");
    stack.newPrimary().execute("INSERT INTO " + database + ".items (label) VALUES ('even')");
    stack.awaitReplicationCaughtUp(CATCH_UP);

    assertThat(idsLabelled(stack.newReplica(), "odd")).allMatch(id -> id % 2 == 1);
    assertThat(idsLabelled(stack.newReplica(), "even")).allMatch(id -> id % 2 == 0);
  }

  @Test
  void serverIdsAndDomainsAreDistinctAndOnlyTheOldPrimaryIsWritable() throws Exception {
    List<Integer> serverIds = new ArrayList<>();
    List<Integer> domains = new ArrayList<>();
    for (LocalMariaDb server : stack.mariaDbs()) {
      try (Connection connection = server.connectAdmin();
          Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery("SELECT @@server_id, @@gtid_domain_id, @@read_only")) {
        row.next();
        assertThat(row.getInt(1)).as(server.name()).isEqualTo(server.serverId());
        assertThat(row.getInt(2)).as(server.name()).isEqualTo(server.gtidDomainId());
        assertThat(row.getBoolean(3)).as(server.name()).isEqualTo(server != stack.oldPrimary());
        serverIds.add(row.getInt(1));
        domains.add(row.getInt(2));
      }
    }
    assertThat(serverIds).containsExactly(1, 2, 3, 4);
    assertThat(domains).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void everyReplicaRunsBothReplicationThreads() throws Exception {
    for (LocalMariaDb replica :
        List.of(stack.oldReplica(), stack.newPrimary(), stack.oldPrimary(), stack.newReplica())) {
      try (Connection connection = replica.connectAdmin()) {
        assertThat(ReplicaStatus.read(connection).running()).as(replica.name()).isTrue();
      }
    }
  }

  @Test
  void agentUserReadsReplicationAndStatus() throws Exception {
    try (Connection agent =
            stack.oldReplica().connect(MigrationStack.AGENT_USER, MigrationStack.AGENT_PASSWORD);
        Statement statement = agent.createStatement()) {
      try (ResultSet replicas = statement.executeQuery("SHOW ALL REPLICAS STATUS")) {
        assertThat(replicas.next()).isTrue();
        assertThat(replicas.getString("Slave_SQL_Running")).isEqualTo("Yes");
        assertThat(replicas.getString("Gtid_Slave_Pos")).isNotNull();
      }
      try (ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Uptime'")) {
        assertThat(status.next()).isTrue();
      }
    }
  }

  @Test
  void agentUserLacksTheRightToWriteEvenOnTheWritablePrimary() throws Exception {
    try (Connection agent =
            stack.oldPrimary().connect(MigrationStack.AGENT_USER, MigrationStack.AGENT_PASSWORD);
        Statement statement = agent.createStatement()) {
      assertThatThrownBy(
              () -> statement.execute("CREATE TABLE " + database + ".agent_made (id INT)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CREATE command denied")
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1142));
      assertThatThrownBy(
              () ->
                  statement.execute("INSERT INTO " + database + ".items (label) VALUES ('agent')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("INSERT command denied")
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1142));
    }
  }

  @Test
  void describesEveryServerForScripts() {
    assertThat(StackDescription.lines(stack))
        .hasSize(5)
        .first()
        .isEqualTo("influxdb " + stack.influx().url());
    assertThat(StackDescription.lines(stack))
        .contains(
            "old-primary 127.0.0.1:"
                + stack.oldPrimary().port()
                + " server_id=1 gtid_domain_id=1 read_only=OFF");
    assertThat(StackDescription.properties(stack))
        .containsEntry("mariadb.new-replica.port", Integer.toString(stack.newReplica().port()))
        .containsEntry("agent.user", MigrationStack.AGENT_USER)
        .containsEntry("influxdb.url", stack.influx().url());
  }

  private static List<Integer> idsLabelled(LocalMariaDb server, String label) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT id FROM " + database + ".items WHERE label = '" + label + "'")) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }
}
