package io.ferry.cutover.access;

import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.Node;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import io.ferry.mysqlfacts.ServerDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate in front of every comparison: connects to each node once, reads which server it is and
 * which privileges the account holds there, then refuses the run when a node cannot be reached, a
 * privilege is missing (naming it, with the {@code GRANT} to run) or two endpoints are one server.
 * Its results belong to the {@link CheckFamily#ACCESS} family, whose failure sets the
 * could-not-finish bit.
 */
public final class AccessCheck {

  /** What one node answered, or why it could not. */
  private record NodeAccess(Node node, ServerIdentity identity, CheckResult result) {}

  /**
   * Checks every node of the topology.
   *
   * @return one result per node (PASS, or FAIL naming the node and what is missing), then one FAIL
   *     per pair of endpoints that are one server
   */
  public List<CheckResult> run(ClusterTopology topology, NodeConnections connections) {
    List<NodeAccess> answers = new ArrayList<>();
    for (Node node : topology.allNodes()) {
      answers.add(check(node, connections));
    }
    List<CheckResult> results = new ArrayList<>();
    answers.forEach(answer -> results.add(answer.result()));
    results.addAll(sameServers(answers));
    return results;
  }

  /** Whether the results let the comparison go on. */
  public static boolean allowsComparison(List<CheckResult> results) {
    return results.stream().noneMatch(result -> result.status() == Status.FAIL);
  }

  private static NodeAccess check(Node node, NodeConnections connections) {
    Connection connection;
    try {
      connection = connections.shared(node);
    } catch (SQLException e) {
      // the driver's messages run over several lines; the summary is one
      String reason = e.getMessage().replaceAll("\\s*\\R\\s*", " ");
      return new NodeAccess(node, null, fail(node.name(), reason, List.of(reason)));
    }
    try {
      Map<String, String> facts =
          row(
              connection,
              "SELECT @@version, @@hostname, @@port, @@server_id, CURRENT_USER()",
              "version",
              "hostname",
              "port",
              "server_id",
              "account");
      ServerDialect version = ServerDialect.parse(facts.get("version"));
      Optional<String> uuid =
          version.mariaDb()
              ? Optional.empty()
              : Optional.of(row(connection, "SELECT @@server_uuid", "uuid").get("uuid"));
      ServerIdentity identity =
          new ServerIdentity(
              uuid,
              facts.get("hostname"),
              Integer.parseInt(facts.get("port")),
              Long.parseLong(facts.get("server_id")));
      String account = facts.get("account");
      List<RequiredPrivilege> missing =
          RequiredPrivilege.missing(GlobalPrivileges.parse(grants(connection, version)), version);
      if (missing.isEmpty()) {
        return new NodeAccess(
            node,
            identity,
            CheckResult.pass(
                CheckFamily.ACCESS,
                node.name(),
                node.name() + ": " + account + " has every privilege the comparison needs",
                List.of("server " + identity.describe())));
      }
      List<String> evidence = new ArrayList<>();
      for (RequiredPrivilege privilege : missing) {
        evidence.add(
            "missing " + privilege.grantName(version) + " ON *.*, needed " + privilege.purpose());
      }
      evidence.add("run: " + RequiredPrivilege.grantStatement(missing, version, account));
      String names = String.join(", ", missing.stream().map(p -> p.grantName(version)).toList());
      return new NodeAccess(
          node,
          identity,
          fail(
              node.name(),
              node.name()
                  + ": "
                  + account
                  + " lacks "
                  + names
                  + " ON *.*, so the server would hide what must be compared; run "
                  + RequiredPrivilege.grantStatement(missing, version, account),
              evidence));
    } catch (SQLException | RuntimeException e) {
      String reason = "cannot read the privileges on " + node.describe() + ": " + e.getMessage();
      return new NodeAccess(node, null, fail(node.name(), reason, List.of(reason)));
    }
  }

  private static List<CheckResult> sameServers(List<NodeAccess> answers) {
    List<CheckResult> results = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      for (int j = i + 1; j < answers.size(); j++) {
        NodeAccess first = answers.get(i);
        NodeAccess second = answers.get(j);
        if (first.identity() == null
            || second.identity() == null
            || !first.identity().sameServerAs(second.identity())) {
          continue;
        }
        String summary =
            first.node().name()
                + " and "
                + second.node().name()
                + " are the same server ("
                + first.identity().describe()
                + "): a server compared with itself proves nothing; give each endpoint once";
        results.add(
            CheckResult.of(
                CheckFamily.ACCESS,
                "same server twice",
                Status.FAIL,
                summary,
                List.of(first.node().describe(), second.node().describe())));
      }
    }
    return results;
  }

  private static CheckResult fail(String name, String summary, List<String> evidence) {
    return CheckResult.of(CheckFamily.ACCESS, name, Status.FAIL, summary, evidence);
  }

  /**
   * The current user's grants. MariaDB's {@code SHOW GRANTS} includes the enabled role's; MySQL's
   * lists a role's privileges only with {@code USING} the active roles.
   */
  private static List<String> grants(Connection connection, ServerDialect version)
      throws SQLException {
    String sql = "SHOW GRANTS";
    if (!version.mariaDb()) {
      String roles = row(connection, "SELECT CURRENT_ROLE()", "roles").get("roles");
      if (!roles.isBlank() && !roles.equalsIgnoreCase("NONE")) {
        sql = "SHOW GRANTS FOR CURRENT_USER() USING " + roles;
      }
    }
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  private static Map<String, String> row(Connection connection, String sql, String... names)
      throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new SQLException("no row from " + sql);
      }
      for (int i = 0; i < names.length; i++) {
        String value = rows.getString(i + 1);
        values.put(names[i], value == null ? "" : value);
      }
    }
    return values;
  }
}
