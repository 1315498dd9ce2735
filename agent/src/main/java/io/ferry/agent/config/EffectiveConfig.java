package io.ferry.agent.config;

import io.ferry.agent.input.YamlOut;
import io.ferry.agent.spool.SpoolConfig;
import io.ferry.yamlconfig.ConfigUnits;
import java.util.List;

/**
 * Renders {@link AgentSettings} as YAML in the layout of the configuration file, with every default
 * filled in and secrets masked; {@code ferry-agent --check-config} prints it.
 */
public final class EffectiveConfig {

  private EffectiveConfig() {}

  public static String render(AgentSettings settings) {
    var out = new StringBuilder();
    AgentConfig agent = settings.agent();
    out.append("agent:\n")
        .append("  host: ")
        .append(YamlOut.quote(agent.host()))
        .append('\n')
        .append("  interval: ")
        .append(ConfigUnits.formatDuration(agent.interval()))
        .append('\n')
        .append("  jitter: ")
        .append(agent.jitter())
        .append('\n')
        .append("  tags: ")
        .append(YamlOut.map(agent.tags()))
        .append('\n')
        .append("  state_directory: ")
        .append(YamlOut.quote(agent.stateDirectory().toString()))
        .append('\n');
    CollectorConfig collector = settings.collector();
    out.append("collector:\n")
        .append("  url: ")
        .append(YamlOut.quote(collector.url().toString()))
        .append('\n')
        .append("  token: ")
        .append(YamlOut.MASK)
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
    settings.inputs().render(out);
    grants(settings, out);
    return out.toString();
  }

  /** The MySQL grants the inputs need, as comments, so the output still reads as configuration. */
  private static void grants(AgentSettings settings, StringBuilder out) {
    List<String> grants = settings.inputs().grants();
    if (grants.isEmpty()) {
      return;
    }
    out.append("# MySQL grants these inputs need (run once on each server as an administrator;\n")
        .append("# narrow '%' to the address the agent connects from):\n");
    grants.forEach(line -> out.append("# ").append(line).append('\n'));
  }
}
