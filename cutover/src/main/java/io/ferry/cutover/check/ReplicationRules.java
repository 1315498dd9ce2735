package io.ferry.cutover.check;

import io.ferry.cutover.Node;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The replication and topology rules, as pure functions of what every node said about itself
 * ({@link NodeFacts}); {@link ReplicationTopologyCheck} reads the facts and applies them.
 */
final class ReplicationRules {

  private static final CheckFamily FAMILY = CheckFamily.REPLICATION;

  private ReplicationRules() {}

  /**
   * Every replica has a channel and every channel runs without errors; the new primary replicates
   * from the old side before the switch, and the old primary from the new side (the way back) after
   * it — before the switch a missing way back is only a warning.
   */
  static CheckResult replicaThreads(List<NodeFacts> nodes, List<Node> newSide, Phase phase) {
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (NodeFacts facts : nodes) {
      Node node = facts.node();
      boolean onNewSide = newSide.contains(node);
      if (facts.channels().isEmpty()) {
        boolean wayBack = node.isPrimary() && !onNewSide;
        boolean wayForward = node.isPrimary() && onNewSide;
        if (!node.isPrimary()) {
          failures.add(node.name() + ": replica without any replication channel");
        } else if (wayForward && phase == Phase.PRE) {
          failures.add(node.name() + ": new primary does not replicate from the old side");
        } else if (wayBack && phase == Phase.POST) {
          failures.add(
              node.name() + ": old primary does not replicate from the new side (no way back)");
        } else {
          warnings.add(
              node.name() + ": primary does not replicate from the other side (not master/master)");
        }
      }
      for (ReplicaChannel channel : facts.channels()) {
        String line =
            node.name()
                + " "
                + channel.describe()
                + ": io="
                + (channel.ioRunning() ? "running" : "STOPPED")
                + " sql="
                + (channel.sqlRunning() ? "running" : "STOPPED")
                + errors(channel);
        if (channel.healthy()) {
          evidence.add(line);
        } else {
          failures.add(line);
        }
      }
    }
    return verdict(
        "replica threads",
        failures,
        warnings,
        evidence,
        "every replication channel runs without errors");
  }

  /**
   * Every channel's lag is known and at most {@code maxLag}. Where the replica has the pt-heartbeat
   * table and a row from the channel's source, the lag is that row's age: it keeps growing while a
   * thread is stopped and covers every hop, so a stale heartbeat FAILs even when {@code
   * Seconds_Behind_Master} says 0. Otherwise the lag is {@code Seconds_Behind_Master}. Each
   * evidence line says which of the two it used.
   */
  static CheckResult lag(List<NodeFacts> nodes, Duration maxLag) {
    List<String> failures = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    double maxSeconds = maxLag.toMillis() / 1000.0;
    for (NodeFacts facts : nodes) {
      for (ReplicaChannel channel : facts.channels()) {
        String who = facts.node().name() + " " + channel.describe();
        OptionalDouble heartbeatAge = heartbeatAge(facts, channel);
        if (heartbeatAge.isPresent()) {
          String line =
              who
                  + ": heartbeat "
                  + seconds(heartbeatAge.getAsDouble())
                  + " s old in "
                  + facts.heartbeat().orElseThrow().table()
                  + " (Seconds_Behind_Master "
                  + secondsBehindText(channel)
                  + ")";
          if (heartbeatAge.getAsDouble() > maxSeconds) {
            failures.add(line + ", more than " + seconds(maxSeconds) + " s");
          } else {
            evidence.add(line);
          }
          continue;
        }
        String why = heartbeatMissing(facts, channel);
        if (channel.secondsBehind().isEmpty()) {
          failures.add(who + ": lag unknown (Seconds_Behind_Master is NULL" + why + ")");
        } else if (channel.secondsBehind().getAsLong() > maxLag.toSeconds()) {
          failures.add(
              who
                  + ": "
                  + channel.secondsBehind().getAsLong()
                  + " s behind by Seconds_Behind_Master"
                  + why
                  + ", more than "
                  + seconds(maxSeconds)
                  + " s");
        } else {
          evidence.add(
              who
                  + ": "
                  + channel.secondsBehind().getAsLong()
                  + " s behind by Seconds_Behind_Master"
                  + why);
        }
      }
    }
    return verdict(
        "replication lag",
        failures,
        List.of(),
        evidence,
        "every channel within " + seconds(maxSeconds) + " s");
  }

  private static OptionalDouble heartbeatAge(NodeFacts facts, ReplicaChannel channel) {
    if (facts.heartbeat().isEmpty() || channel.sourceServerId().isEmpty()) {
      return OptionalDouble.empty();
    }
    return facts.heartbeat().get().of(channel.sourceServerId().getAsLong());
  }

  /** Why the heartbeat was not used, for a node that has the table; empty text otherwise. */
  private static String heartbeatMissing(NodeFacts facts, ReplicaChannel channel) {
    if (facts.heartbeat().isEmpty()) {
      return "";
    }
    String table = facts.heartbeat().get().table();
    return channel.sourceServerId().isEmpty()
        ? "; source server_id unknown, so no heartbeat row in " + table
        : "; no heartbeat row from server_id "
            + channel.sourceServerId().getAsLong()
            + " in "
            + table;
  }

  private static String secondsBehindText(ReplicaChannel channel) {
    return channel.secondsBehind().isPresent()
        ? channel.secondsBehind().getAsLong() + " s"
        : "NULL";
  }

  /** Seconds with at most one decimal: {@code 10}, {@code 0.4}, {@code 125.3}. */
  private static String seconds(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  /**
   * No node executed transactions the others never saw. On MariaDB a transaction's origin is its
   * (domain, server_id) pair in {@code gtid_binlog_state}; on MySQL the server UUID in {@code
   * gtid_executed}. An origin that some node has and another lacks is errant.
   */
  static CheckResult errantTransactions(List<NodeFacts> nodes) {
    Map<String, Set<String>> originsByNode = new LinkedHashMap<>();
    for (NodeFacts facts : nodes) {
      originsByNode.put(facts.node().name(), origins(facts));
    }
    Set<String> allOrigins = new LinkedHashSet<>();
    originsByNode.values().forEach(allOrigins::addAll);
    List<String> failures = new ArrayList<>();
    for (String origin : allOrigins) {
      List<String> having = new ArrayList<>();
      List<String> lacking = new ArrayList<>();
      originsByNode.forEach(
          (node, origins) -> (origins.contains(origin) ? having : lacking).add(node));
      if (!lacking.isEmpty()) {
        failures.add(
            "transactions from "
                + origin
                + " exist on "
                + having
                + " but never reached "
                + lacking);
      }
    }
    return verdict(
        "errant transactions",
        failures,
        List.of(),
        List.of("origins seen on every node: " + allOrigins),
        "every node has seen transactions from the same origins");
  }

  /** {@code server_id} and (MySQL) {@code server_uuid} are unique across all nodes. */
  static CheckResult serverIdentity(List<NodeFacts> nodes) {
    List<String> failures = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (String variable : List.of("server_id", "server_uuid")) {
      Map<String, List<String>> namesByValue = new LinkedHashMap<>();
      for (NodeFacts facts : nodes) {
        facts
            .variable(variable)
            .filter(value -> !value.isBlank())
            .ifPresent(
                value ->
                    namesByValue
                        .computeIfAbsent(value, v -> new ArrayList<>())
                        .add(facts.node().name()));
      }
      namesByValue.forEach(
          (value, names) -> {
            String line = variable + "=" + value + " on " + names;
            (names.size() > 1 ? failures : evidence).add(line);
          });
    }
    return verdict("server identity", failures, List.of(), evidence, "server ids are unique");
  }

  /**
   * Exactly one writable primary, the one the phase expects (old before the switch, new after);
   * writable replicas are a warning.
   */
  static CheckResult writableSide(List<NodeFacts> nodes, List<Node> newSide, Phase phase) {
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (NodeFacts facts : nodes) {
      Node node = facts.node();
      boolean expectWritable =
          node.isPrimary() && (newSide.contains(node) == (phase == Phase.POST));
      String line =
          node.name()
              + ": read_only="
              + facts.variable("read_only").orElse("?")
              + facts.variable("super_read_only").map(v -> " super_read_only=" + v).orElse("");
      if (facts.writable() == expectWritable) {
        evidence.add(line);
      } else if (node.isPrimary()) {
        failures.add(line + (expectWritable ? " (must be writable)" : " (must be read-only)"));
      } else {
        warnings.add(line + " (replica is writable)");
      }
    }
    return verdict(
        "read only",
        failures,
        warnings,
        evidence,
        "exactly one writable side, the " + (phase == Phase.PRE ? "old" : "new") + " one");
  }

  /**
   * On every primary {@code auto_increment_increment} is at least the number of primaries (each can
   * take writes around the switch) and offsets are distinct modulo the increment, so ids generated
   * on both sides never collide.
   */
  static CheckResult autoIncrement(List<NodeFacts> nodes) {
    List<NodeFacts> primaries = nodes.stream().filter(f -> f.node().isPrimary()).toList();
    List<String> failures = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    Map<Long, String> offsetOwners = new HashMap<>();
    for (NodeFacts facts : primaries) {
      long increment = facts.number("auto_increment_increment").orElse(1L);
      long offset = facts.number("auto_increment_offset").orElse(1L);
      String line =
          facts.node().name()
              + ": auto_increment_increment="
              + increment
              + " auto_increment_offset="
              + offset;
      if (increment < primaries.size()) {
        failures.add(line + " (increment below the " + primaries.size() + " primaries)");
        continue;
      }
      String clash = offsetOwners.putIfAbsent(offset % increment, facts.node().name());
      if (clash != null) {
        failures.add(line + " (same offset as " + clash + ")");
      } else {
        evidence.add(line);
      }
    }
    return verdict(
        "auto increment",
        failures,
        List.of(),
        evidence,
        "primaries generate distinct auto-increment ids");
  }

  /** Binary logging on, row-based, and replicated changes logged again on every node. */
  static CheckResult binlogSettings(List<NodeFacts> nodes) {
    List<String> failures = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (NodeFacts facts : nodes) {
      String format = facts.variable("binlog_format").orElse("?");
      String line =
          facts.node().name()
              + ": log_bin="
              + facts.variable("log_bin").orElse("?")
              + " binlog_format="
              + format
              + " log_slave_updates="
              + facts.variable("log_slave_updates").orElse("?");
      boolean ok =
          facts.isOn("log_bin")
              && "ROW".equalsIgnoreCase(format)
              && facts.isOn("log_slave_updates");
      (ok ? evidence : failures).add(line);
    }
    return verdict(
        "binlog settings",
        failures,
        List.of(),
        evidence,
        "row-based binary logs with log_slave_updates on every node");
  }

  private static Set<String> origins(NodeFacts facts) {
    Set<String> origins = new LinkedHashSet<>();
    if (facts.mariaDb()) {
      for (MariaDbGtid gtid :
          MariaDbGtid.parseList(facts.variable("gtid_binlog_state").orElse(""))) {
        origins.add("domain " + gtid.domain() + " server " + gtid.serverId());
      }
    } else {
      for (String interval : facts.variable("gtid_executed").orElse("").split(",")) {
        String uuid = interval.strip().split(":")[0];
        if (!uuid.isEmpty()) {
          origins.add("server_uuid " + uuid);
        }
      }
    }
    return origins;
  }

  private static String errors(ReplicaChannel channel) {
    StringBuilder text = new StringBuilder();
    if (!channel.lastIoError().isEmpty()) {
      text.append(" io error: ").append(channel.lastIoError());
    }
    if (!channel.lastSqlError().isEmpty()) {
      text.append(" sql error: ").append(channel.lastSqlError());
    }
    return text.toString();
  }

  static CheckResult verdict(
      String name,
      List<String> failures,
      List<String> warnings,
      List<String> fine,
      String passSummary) {
    List<String> evidence = new ArrayList<>(failures);
    evidence.addAll(warnings);
    evidence.addAll(fine);
    if (!failures.isEmpty()) {
      return CheckResult.of(FAMILY, name, Status.FAIL, failures.get(0) + more(failures), evidence);
    }
    if (!warnings.isEmpty()) {
      return CheckResult.of(FAMILY, name, Status.WARN, warnings.get(0) + more(warnings), evidence);
    }
    return CheckResult.of(FAMILY, name, Status.PASS, passSummary, evidence);
  }

  private static String more(List<String> lines) {
    return lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "";
  }
}
