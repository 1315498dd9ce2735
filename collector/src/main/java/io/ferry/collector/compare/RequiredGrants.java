package io.ferry.collector.compare;

import io.ferry.cutover.access.RequiredPrivilege;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerDialect;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ferry compare --print-grants} prints: the privileges the comparison's account needs
 * on every server, why, and the statement that grants them. The list is {@link RequiredPrivilege},
 * the same one the run checks before comparing.
 */
public final class RequiredGrants {

  private static final ServerDialect MARIADB_10_5 =
      new ServerDialect(Flavor.MARIADB, ServerVersion.of(10, 5, 0));
  private static final ServerDialect MYSQL_8 =
      new ServerDialect(Flavor.MYSQL, ServerVersion.of(8, 0, 0));

  private RequiredGrants() {}

  /**
   * The lines to print.
   *
   * @param user the account's user name, or null for a placeholder ({@code ferry})
   */
  public static List<String> lines(String user) {
    String account = (user == null ? "ferry" : user) + "@%";
    List<RequiredPrivilege> all = Arrays.asList(RequiredPrivilege.values());
    List<String> lines = new ArrayList<>();
    lines.add(
        "-- ferry compare reads with these privileges, granted ON *.* on every server of both"
            + " clusters;");
    lines.add(
        "-- without them the server hides what must be compared, so the run stops before"
            + " comparing.");
    for (RequiredPrivilege privilege : all) {
      lines.add(
          String.format(
              Locale.ROOT,
              "--   %-16s %s",
              privilege.grantName(MARIADB_10_5),
              privilege.purpose()));
    }
    lines.add("-- MariaDB 10.5 and later:");
    lines.add(RequiredPrivilege.grantStatement(all, MARIADB_10_5, account));
    lines.add("-- MySQL 8 and MariaDB before 10.5:");
    lines.add(RequiredPrivilege.grantStatement(all, MYSQL_8, account));
    return lines;
  }
}
