package io.ferry.agent.config;

import io.ferry.agent.input.accesslog.AccessLogSection;
import io.ferry.agent.input.canary.CanarySection;
import io.ferry.agent.input.http.HttpProbeSection;
import io.ferry.agent.input.mysql.MySqlSourceConfig;
import io.ferry.agent.input.mysql.RequiredGrants;
import io.ferry.agent.spool.SpoolConfig;
import io.ferry.yamlconfig.ConfigUnits;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@link AgentSettings} as YAML in the layout of the configuration file, with every default
 * filled in and secrets masked; {@code ferry-agent --check-config} prints it.
 */
public final class EffectiveConfig {

  private static final String MASK = "'****'";

  private EffectiveConfig() {}

  public static String render(AgentSettings settings) {
    var out = new StringBuilder();
    AgentConfig agent = settings.agent();
    out.append("agent:\n")
        .append("  host: ")
        .append(quote(agent.host()))
        .append('\n')
        .append("  interval: ")
        .append(ConfigUnits.formatDuration(agent.interval()))
        .append('\n')
        .append("  jitter: ")
        .append(agent.jitter())
        .append('\n')
        .append("  tags: ")
        .append(map(agent.tags()))
        .append('\n')
        .append("  state_directory: ")
        .append(quote(agent.stateDirectory().toString()))
        .append('\n');
    CollectorConfig collector = settings.collector();
    out.append("collector:\n")
        .append("  url: ")
        .append(quote(collector.url().toString()))
        .append('\n')
        .append("  token: ")
        .append(MASK)
        .append('\n')
        .append("  timeout: ")
        .append(ConfigUnits.formatDuration(collector.timeout()))
        .append('\n')
        .append("  batch_max_points: ")
        .append(collector.batchMaxPoints())
        .append('\n');
    SpoolConfig spool = settings.spool();
    out.append("spool:\n")
        .append("  max_bytes: ")
        .append(ConfigUnits.formatBytes(spool.maxBytes()))
        .append('\n')
        .append("  replay_points_per_second: ")
        .append(spool.replayPointsPerSecond())
        .append('\n');
    OsInputConfig os = settings.os();
    out.append("inputs:\n")
        .append("  os:\n")
        .append("    enabled: ")
        .append(os.enabled())
        .append('\n')
        .append("    per_cpu: ")
        .append(os.perCpu())
        .append('\n')
        .append("    fs_exclude_types: ")
        .append(list(os.fsExcludeTypes()))
        .append('\n')
        .append("    net_include_loopback: ")
        .append(os.netIncludeLoopback())
        .append('\n');
    out.append("  mysql:").append(settings.mysql().isEmpty() ? " []\n" : "\n");
    for (MySqlSourceConfig server : settings.mysql()) {
      out.append("    - name: ")
          .append(quote(server.name()))
          .append('\n')
          .append("      host: ")
          .append(quote(server.host()))
          .append('\n')
          .append("      port: ")
          .append(server.port())
          .append('\n')
          .append("      user: ")
          .append(quote(server.user()))
          .append('\n')
          .append("      password: ")
          .append(server.password().isEmpty() ? "''" : MASK)
          .append('\n')
          .append("      connect_timeout: ")
          .append(ConfigUnits.formatDuration(server.connectTimeout()))
          .append('\n')
          .append("      query_timeout: ")
          .append(ConfigUnits.formatDuration(server.queryTimeout()))
          .append('\n')
          .append("      tags: ")
          .append(map(server.tags()))
          .append('\n');
      server
          .heartbeat()
          .ifPresent(
              heartbeat ->
                  out.append("      heartbeat:\n")
                      .append("        table: ")
                      .append(quote(heartbeat.table().toString()))
                      .append('\n')
                      .append("        update: ")
                      .append(heartbeat.update())
                      .append('\n')
                      .append("        source_server_id: ")
                      .append(heartbeat.sourceServerId())
                      .append('\n'));
    }
    HttpProbeSection.render(settings.http(), out);
    AccessLogSection.render(settings.accessLog(), out);
    CanarySection.render(settings.canary(), out);
    grants(settings, out);
    return out.toString();
  }

  /** The MySQL grants the inputs need, as comments, so the output still reads as configuration. */
  private static void grants(AgentSettings settings, StringBuilder out) {
    if (settings.mysql().isEmpty() && settings.canary().isEmpty()) {
      return;
    }
    out.append("# MySQL grants these inputs need (run once on each server as an administrator;\n")
        .append("# narrow '%' to the address the agent connects from):\n");
    for (MySqlSourceConfig server : settings.mysql()) {
      out.append("#   ").append(server.name()).append(":\n");
      RequiredGrants.statements(server)
          .forEach(line -> out.append("#     ").append(line).append('\n'));
    }
    for (var canary : settings.canary()) {
      out.append("#   canary ")
          .append(canary.name())
          .append(
              ": what its statement reads, nothing more (for example GRANT SELECT ON one table)\n");
    }
  }

  private static String map(Map<String, String> map) {
    return map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String list(List<String> items) {
    return items.stream().map(EffectiveConfig::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Single-quoted YAML scalar, so that any text reads back as the same string. */
  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
