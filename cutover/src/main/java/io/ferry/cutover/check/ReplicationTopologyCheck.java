package io.ferry.cutover.check;

import io.ferry.cutover.CheckContext;
import io.ferry.cutover.CutoverCheck;
import io.ferry.cutover.Node;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replication and topology: replica threads and lag in both directions (by the pt-heartbeat table
 * where a replica has it, else by {@code Seconds_Behind_Master}), GTID containment and errant
 * transactions, unique server ids, which side is writable, auto-increment settings and binary log
 * settings.
 */
public final class ReplicationTopologyCheck implements CutoverCheck {

  private final GtidCatchUp catchUp = new GtidCatchUp();

  @Override
  public CheckFamily family() {
    return CheckFamily.REPLICATION;
  }

  @Override
  public List<CheckResult> run(CheckContext ctx) throws SQLException {
    var reader = new NodeFactsReader(ctx.options().heartbeatTable());
    List<NodeFacts> nodes = new ArrayList<>();
    for (Node node : ctx.topology().allNodes()) {
      nodes.add(reader.read(node, ctx.connection(node)));
    }
    List<Node> newSide = ctx.topology().newNodes();
    List<CheckResult> results = new ArrayList<>();
    results.add(ReplicationRules.replicaThreads(nodes, newSide, ctx.phase()));
    results.add(ReplicationRules.lag(nodes, ctx.options().maxReplicaLag()));
    results.add(containment(ctx, nodes.get(0).mariaDb()));
    results.add(ReplicationRules.errantTransactions(nodes));
    results.add(ReplicationRules.serverIdentity(nodes));
    results.add(ReplicationRules.writableSide(nodes, newSide, ctx.phase()));
    results.add(ReplicationRules.autoIncrement(nodes));
    results.add(ReplicationRules.binlogSettings(nodes));
    return results;
  }

  /**
   * Before the switch the new primary must have applied everything the old primary executed; after
   * it, the old primary everything the new one executed (so a switch back loses nothing).
   */
  private CheckResult containment(CheckContext ctx, boolean mariaDb) throws SQLException {
    Node leader =
        ctx.phase() == Phase.PRE ? ctx.topology().oldPrimary() : ctx.topology().newPrimary();
    Node follower =
        ctx.phase() == Phase.PRE ? ctx.topology().newPrimary() : ctx.topology().oldPrimary();
    GtidCatchUp.Outcome outcome =
        catchUp.await(
            ctx.connection(leader),
            ctx.connection(follower),
            mariaDb,
            ctx.options().gtidWaitTimeout());
    String line =
        follower.name() + " applied " + leader.name() + "'s position '" + outcome.position() + "'";
    if (outcome.reached()) {
      return CheckResult.of(
          CheckFamily.REPLICATION,
          "gtid containment",
          Status.PASS,
          follower.name() + " contains every transaction " + leader.name() + " executed",
          List.of(line));
    }
    return CheckResult.of(
        CheckFamily.REPLICATION,
        "gtid containment",
        Status.FAIL,
        follower.name()
            + " did not apply "
            + leader.name()
            + "'s transactions within "
            + ctx.options().gtidWaitTimeout().toSeconds()
            + " s",
        List.of("not " + line));
  }
}
