package io.ferry.agent.input.mysql;

import java.util.ArrayList;
import java.util.List;

/**
 * The privileges one MySQL input's account needs, as the GRANT statements an administrator runs:
 * read-only monitoring ({@code PROCESS} and the right to read replica status, whose name depends on
 * the server), plus the heartbeat table when one is configured. Printed by {@code --check-config}.
 */
public final class RequiredGrants {

  private RequiredGrants() {}

  /**
   * The statements for one input's account, {@code 'user'@'%'} (narrow the host part to the agent's
   * address).
   *
   * @return lines such as {@code GRANT PROCESS, SLAVE MONITOR ON *.* TO 'ferry'@'%'; -- MariaDB
   *     10.5 and later}
   */
  public static List<String> statements(MySqlInputConfig input) {
    String account = "'" + input.user().replace("'", "''") + "'@'%'";
    List<String> lines = new ArrayList<>();
    lines.add("GRANT PROCESS, SLAVE MONITOR ON *.* TO " + account + ";  -- MariaDB 10.5 and later");
    lines.add(
        "GRANT PROCESS, REPLICATION CLIENT ON *.* TO "
            + account
            + ";  -- MySQL, MariaDB before 10.5");
    input
        .heartbeat()
        .ifPresent(
            heartbeat -> lines.add(heartbeat.table().grantStatement(account, heartbeat.update())));
    return lines;
  }
}
