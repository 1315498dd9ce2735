package io.ferry.cutover.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every account and its {@code SHOW GRANTS} from a server, in canonical form. */
final class GrantsReader {

  /** Accounts by {@code user@host}. */
  Map<String, AccountGrants> read(Connection connection) throws SQLException {
    List<String[]> accounts = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT User, Host FROM mysql.user ORDER BY User, Host")) {
      while (rows.next()) {
        accounts.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    Map<String, AccountGrants> grants = new LinkedHashMap<>();
    for (String[] account : accounts) {
      String user = account[0];
      String host = account[1] == null ? "" : account[1];
      String target = host.isEmpty() ? quote(user) : quote(user) + "@" + quote(host);
      List<String> lines = new ArrayList<>();
      StringBuilder authentication = new StringBuilder();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SHOW GRANTS FOR " + target)) {
        while (rows.next()) {
          String line = rows.getString(1);
          lines.add(GrantCanonicalizer.canonical(line));
          authentication.append(GrantCanonicalizer.authentication(line));
        }
      }
      lines.sort(null);
      String name = user + "@" + host;
      grants.put(name, new AccountGrants(name, lines, authentication.toString()));
    }
    return grants;
  }

  private static String quote(String name) {
    return "'" + name.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
