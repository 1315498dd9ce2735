package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.List;

/**
 * Detects the flavor and version of a server with {@code SELECT VERSION(), @@version_comment}. Runs
 * once per connection; every other query depends on its answer.
 */
final class ServerInfoQuery {

  static final String STATEMENT =
      "SELECT VERSION() AS version, @@version_comment AS version_comment";

  private ServerInfoQuery() {}

  static ServerInfo parse(List<Row> rows) {
    if (rows.size() != 1) {
      throw new UnexpectedValueException(
          "SELECT VERSION() returned " + rows.size() + " rows instead of one");
    }
    String version =
        rows.get(0)
            .text("version")
            .orElseThrow(
                () -> new UnexpectedValueException("VERSION()", "NULL", "is not a version"));
    ServerVersion parsed;
    try {
      parsed = ServerVersion.parse(version);
    } catch (IllegalArgumentException e) {
      throw new UnexpectedValueException(
          "VERSION()", version, "does not start with major.minor.patch");
    }
    return new ServerInfo(Flavor.fromVersion(version), parsed, version);
  }
}
