package io.ferry.agent.input.mysql;

import io.ferry.agent.input.YamlOut;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Reads the {@code inputs.mysql} list and renders it for {@code --check-config}. */
public final class MySqlSection {

  private MySqlSection() {}

  /** The servers of {@code inputs.mysql}, checked; names are unique. */
  public static List<MySqlInputConfig> read(List<ConfigMapping> entries) {
    List<MySqlInputConfig> servers = new ArrayList<>();
    var names = new HashSet<String>();
    for (ConfigMapping entry : entries) {
      String name = entry.requiredString("name");
      if (!names.add(name)) {
        throw entry.problem("name", "\"" + name + "\" is used by another mysql entry");
      }
      servers.add(
          new MySqlInputConfig(
              name,
              entry.string("host", "127.0.0.1"),
              entry.integer("port", MySqlInputConfig.DEFAULT_PORT, 1, 65_535),
              entry.requiredString("user"),
              entry.secret("password").orElse(""),
              entry.duration("connect_timeout", MySqlInputConfig.DEFAULT_CONNECT_TIMEOUT),
              entry.duration("query_timeout", MySqlInputConfig.DEFAULT_QUERY_TIMEOUT),
              entry.stringMap("tags"),
              heartbeat(entry.mapping("heartbeat"))));
    }
    return List.copyOf(servers);
  }

  /** {@code inputs.mysql[].heartbeat}: off unless {@code table} is set. */
  private static Optional<HeartbeatConfig> heartbeat(ConfigMapping section) {
    Optional<HeartbeatTable> table =
        section.parsed(
            "table",
            "a table name of the form database.table, e.g. percona.heartbeat",
            HeartbeatTable::parse);
    boolean update = section.bool("update", HeartbeatConfig.DEFAULT_UPDATE);
    long sourceServerId =
        section.longValue(
            "source_server_id",
            HeartbeatConfig.EACH_CHANNELS_SOURCE,
            0,
            HeartbeatConfig.MAX_SERVER_ID);
    if (table.isEmpty()) {
      if (section.has("update") || section.has("source_server_id")) {
        throw section.problem("table", "is required when the heartbeat is configured");
      }
      return Optional.empty();
    }
    return Optional.of(new HeartbeatConfig(table.get(), update, sourceServerId));
  }

  /** The {@code mysql:} part of {@code inputs}, indented as in the configuration file. */
  public static void render(List<MySqlInputConfig> servers, StringBuilder out) {
    out.append("  mysql:").append(servers.isEmpty() ? " []\n" : "\n");
    for (MySqlInputConfig server : servers) {
      out.append("    - name: ").append(YamlOut.quote(server.name())).append('\n');
      line(out, "host", YamlOut.quote(server.host()));
      line(out, "port", Integer.toString(server.port()));
      line(out, "user", YamlOut.quote(server.user()));
      line(out, "password", YamlOut.secret(server.password()));
      line(out, "connect_timeout", ConfigUnits.formatDuration(server.connectTimeout()));
      line(out, "query_timeout", ConfigUnits.formatDuration(server.queryTimeout()));
      line(out, "tags", YamlOut.map(server.tags()));
      server
          .heartbeat()
          .ifPresent(
              heartbeat -> {
                out.append("      heartbeat:\n");
                line(out, "  table", YamlOut.quote(heartbeat.table().toString()));
                line(out, "  update", Boolean.toString(heartbeat.update()));
                line(out, "  source_server_id", Long.toString(heartbeat.sourceServerId()));
              });
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("      ").append(key).append(": ").append(value).append('\n');
  }
}
