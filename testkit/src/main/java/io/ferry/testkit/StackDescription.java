package io.ferry.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How to reach the servers of a {@link MigrationStack}: for people (lines) and scripts (keys). */
final class StackDescription {

  private StackDescription() {}

  /**
   * One line per server, e.g. {@code influxdb http://127.0.0.1:PORT} and {@code old-primary
   * 127.0.0.1:PORT server_id=1 gtid_domain_id=1 read_only=OFF}.
   */
  static List<String> lines(MigrationStack stack) {
    List<String> lines = new ArrayList<>();
    lines.add("influxdb " + stack.influx().url());
    for (LocalMariaDb server : stack.mariaDbs()) {
      lines.add(
          server.name()
              + " 127.0.0.1:"
              + server.port()
              + " server_id="
              + server.serverId()
              + " gtid_domain_id="
              + server.gtidDomainId()
              + " read_only="
              + (server.options().readOnly() ? "ON" : "OFF"));
    }
    return lines;
  }

  /**
   * Keys and values for a {@code stack.properties} file: {@code influxdb.url}, {@code
   * influxdb.port}, per MariaDB server {@code mariadb.<name>.port}, {@code .jdbc-url}, {@code
   * .server-id}, {@code .gtid-domain-id}, {@code .socket}, and the {@code admin.*}, {@code agent.*}
   * and {@code replication.*} users and passwords.
   */
  static Map<String, String> properties(MigrationStack stack) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("influxdb.url", stack.influx().url());
    properties.put("influxdb.port", Integer.toString(stack.influx().port()));
    for (LocalMariaDb server : stack.mariaDbs()) {
      String prefix = "mariadb." + server.name() + ".";
      properties.put(prefix + "host", "127.0.0.1");
      properties.put(prefix + "port", Integer.toString(server.port()));
      properties.put(prefix + "jdbc-url", server.jdbcUrl(""));
      properties.put(prefix + "server-id", Integer.toString(server.serverId()));
      properties.put(prefix + "gtid-domain-id", Integer.toString(server.gtidDomainId()));
      properties.put(prefix + "socket", server.socket().toString());
    }
    properties.put("admin.user", MigrationStack.ADMIN_USER);
    properties.put("admin.password", MigrationStack.ADMIN_PASSWORD);
    properties.put("agent.user", MigrationStack.AGENT_USER);
    properties.put("agent.password", MigrationStack.AGENT_PASSWORD);
    properties.put("replication.user", MigrationStack.REPLICATION_USER);
    properties.put("replication.password", MigrationStack.REPLICATION_PASSWORD);
    return properties;
  }
}
