package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.Node;
import io.ferry.cutover.NodeRole;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplicationRulesTest {

  private static final Node OLD_PRIMARY = node("old-primary", Node.PRIMARY);
  private static final Node OLD_REPLICA = node("old-replica", Node.REPLICA);
  private static final Node NEW_PRIMARY = node("new-primary", Node.PRIMARY);
  private static final Node NEW_REPLICA = node("new-replica", Node.REPLICA);
  private static final List<Node> NEW_SIDE = List.of(NEW_PRIMARY, NEW_REPLICA);

  @Test
  void healthyMasterMasterPasses() {
    List<NodeFacts> nodes = healthyStack();

    assertThat(ReplicationRules.replicaThreads(nodes, NEW_SIDE, Phase.PRE).status())
        .isEqualTo(Status.PASS);
    assertThat(ReplicationRules.lag(nodes, Duration.ofSeconds(10)).status()).isEqualTo(Status.PASS);
    assertThat(ReplicationRules.errantTransactions(nodes).status()).isEqualTo(Status.PASS);
    assertThat(ReplicationRules.serverIdentity(nodes).status()).isEqualTo(Status.PASS);
    assertThat(ReplicationRules.writableSide(nodes, NEW_SIDE, Phase.PRE).status())
        .isEqualTo(Status.PASS);
    assertThat(ReplicationRules.autoIncrement(nodes).status()).isEqualTo(Status.PASS);
    assertThat(ReplicationRules.binlogSettings(nodes).status()).isEqualTo(Status.PASS);
  }

  @Test
  void stoppedThreadFailsNamingTheNodeAndChannel() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(3, facts(NEW_REPLICA, 4, "1-1-9,3-3-2", false, channel("new-primary", false, 0)));

    var result = ReplicationRules.replicaThreads(nodes, NEW_SIDE, Phase.PRE);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.summary()).contains("new-replica", "sql=STOPPED");
  }

  @Test
  void missingWayBackIsAWarningBeforeAndAFailureAfterTheSwitch() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(0, facts(OLD_PRIMARY, 1, "1-1-9,3-3-2", true));

    assertThat(ReplicationRules.replicaThreads(nodes, NEW_SIDE, Phase.PRE).status())
        .isEqualTo(Status.WARN);
    assertThat(ReplicationRules.replicaThreads(nodes, NEW_SIDE, Phase.POST).status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void lagAboveTheLimitOrUnknownFails() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(1, facts(OLD_REPLICA, 2, "1-1-9,3-3-2", false, channel("old-primary", true, 30)));

    var result = ReplicationRules.lag(nodes, Duration.ofSeconds(10));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.summary()).contains("old-replica", "30 s behind");
  }

  @Test
  void aStaleHeartbeatFailsWhileSecondsBehindMasterSaysZero() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(1, withHeartbeat(nodes.get(1), Map.of(1L, 125.34)));

    var result = ReplicationRules.lag(nodes, Duration.ofSeconds(10));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.summary())
        .isEqualTo(
            "old-replica from old-primary:3306: heartbeat 125.3 s old in percona.heartbeat"
                + " (Seconds_Behind_Master 0 s), more than 10 s");
  }

  @Test
  void aFreshHeartbeatPassesAndTheEvidenceSaysWhichLagWasUsed() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(1, withHeartbeat(nodes.get(1), Map.of(1L, 0.42)));

    var result = ReplicationRules.lag(nodes, Duration.ofSeconds(10));

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.evidence())
        .contains(
            "old-replica from old-primary:3306: heartbeat 0.4 s old in percona.heartbeat"
                + " (Seconds_Behind_Master 0 s)",
            "new-primary from old-primary:3306: 1 s behind by Seconds_Behind_Master");
  }

  @Test
  void theHeartbeatGivesALagWhereSecondsBehindMasterIsNull() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(
        1,
        withHeartbeat(
            facts(OLD_REPLICA, 2, "1-1-9,3-3-2", false, channel("old-primary", false, 0)),
            Map.of(1L, 2.0)));

    var result = ReplicationRules.lag(nodes, Duration.ofSeconds(10));

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.evidence())
        .contains(
            "old-replica from old-primary:3306: heartbeat 2 s old in percona.heartbeat"
                + " (Seconds_Behind_Master NULL)");
  }

  @Test
  void withoutTheSourcesRowSecondsBehindMasterDecidesAndTheEvidenceSaysWhy() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(0, withHeartbeat(nodes.get(0), Map.of(1L, 0.1)));

    var result = ReplicationRules.lag(nodes, Duration.ofSeconds(10));

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.evidence())
        .contains(
            "old-primary from new-primary:3306: 0 s behind by Seconds_Behind_Master; no heartbeat"
                + " row from server_id 3 in percona.heartbeat");
  }

  @Test
  void transactionWrittenOnlyOnTheNewReplicaIsErrant() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(
        3, facts(NEW_REPLICA, 4, "1-1-9,3-3-2,4-4-1", false, channel("new-primary", true, 0)));

    var result = ReplicationRules.errantTransactions(nodes);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.summary())
        .contains("domain 4 server 4")
        .contains("[new-replica]")
        .contains("old-primary");
  }

  @Test
  void duplicateServerIdFails() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(3, facts(NEW_REPLICA, 3, "1-1-9,3-3-2", false, channel("new-primary", true, 0)));

    assertThat(ReplicationRules.serverIdentity(nodes).summary()).contains("server_id=3");
  }

  @Test
  void writableNewPrimaryBeforeTheSwitchFails() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(2, facts(NEW_PRIMARY, 3, "1-1-9,3-3-2", true, channel("old-primary", true, 0)));

    var result = ReplicationRules.writableSide(nodes, NEW_SIDE, Phase.PRE);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.summary()).contains("new-primary", "must be read-only");
    assertThat(ReplicationRules.writableSide(nodes, NEW_SIDE, Phase.POST).summary())
        .contains("old-primary", "must be read-only");
  }

  @Test
  void incrementBelowThePrimariesOrSharedOffsetFails() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(2, withVariables(nodes.get(2), Map.of("auto_increment_increment", "1")));

    assertThat(ReplicationRules.autoIncrement(nodes).summary())
        .contains("new-primary", "below the 2 primaries");

    nodes = healthyStack();
    nodes.set(2, withVariables(nodes.get(2), Map.of("auto_increment_offset", "1")));
    assertThat(ReplicationRules.autoIncrement(nodes).summary())
        .contains("same offset as old-primary");
  }

  @Test
  void statementBasedLoggingFails() {
    List<NodeFacts> nodes = healthyStack();
    nodes.set(1, withVariables(nodes.get(1), Map.of("binlog_format", "MIXED")));

    assertThat(ReplicationRules.binlogSettings(nodes).summary()).contains("old-replica", "MIXED");
  }

  private static List<NodeFacts> healthyStack() {
    return new ArrayList<>(
        List.of(
            facts(OLD_PRIMARY, 1, "1-1-9,3-3-2", true, channel("new-primary", true, 0)),
            facts(OLD_REPLICA, 2, "1-1-9,3-3-2", false, channel("old-primary", true, 0)),
            facts(NEW_PRIMARY, 3, "1-1-9,3-3-2", false, channel("old-primary", true, 1)),
            facts(NEW_REPLICA, 4, "1-1-9,3-3-2", false, channel("new-primary", true, 0))));
  }

  private static NodeFacts facts(
      Node node, int serverId, String binlogState, boolean writable, ReplicaChannel... channels) {
    Map<String, String> variables = new HashMap<>();
    variables.put("server_id", Integer.toString(serverId));
    variables.put("read_only", writable ? "OFF" : "ON");
    variables.put("auto_increment_increment", "2");
    variables.put("auto_increment_offset", node.name().startsWith("old") ? "1" : "2");
    variables.put("binlog_format", "ROW");
    variables.put("log_bin", "ON");
    variables.put("log_slave_updates", "ON");
    variables.put("gtid_binlog_state", binlogState);
    return new NodeFacts(node, true, variables, List.of(channels), Optional.empty());
  }

  private static NodeFacts withVariables(NodeFacts facts, Map<String, String> changes) {
    Map<String, String> variables = new HashMap<>(facts.variables());
    variables.putAll(changes);
    return new NodeFacts(
        facts.node(), facts.mariaDb(), variables, facts.channels(), facts.heartbeat());
  }

  private static NodeFacts withHeartbeat(NodeFacts facts, Map<Long, Double> ages) {
    return new NodeFacts(
        facts.node(),
        facts.mariaDb(),
        facts.variables(),
        facts.channels(),
        Optional.of(new HeartbeatAges("percona.heartbeat", ages)));
  }

  private static ReplicaChannel channel(String source, boolean running, long lag) {
    return new ReplicaChannel(
        "",
        source + ":3306",
        true,
        running,
        "",
        "",
        running ? OptionalLong.of(lag) : OptionalLong.empty(),
        OptionalLong.of(source.equals("old-primary") ? 1 : 3));
  }

  private static Node node(String name, NodeRole role) {
    return new Node(name, role, "jdbc:mysql://127.0.0.1:3306/", "ferry", "secret");
  }
}
