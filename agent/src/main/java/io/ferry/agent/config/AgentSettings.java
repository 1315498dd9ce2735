package io.ferry.agent.config;

import io.ferry.agent.input.accesslog.AccessLogSettings;
import io.ferry.agent.input.canary.CanaryConfig;
import io.ferry.agent.input.http.HttpProbeConfig;
import io.ferry.agent.input.mysql.MySqlSourceConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything the agent's configuration file says, typed, defaulted and validated by {@link
 * ConfigLoader}.
 *
 * @param agent the {@code agent} section
 * @param collector the {@code collector} section
 * @param os the {@code inputs.os} section
 * @param mysql the {@code inputs.mysql} list, one entry per monitored server (default none)
 * @param http the {@code inputs.http} list, one entry per HTTP probe (default none)
 * @param accessLog the {@code inputs.access_log} section (default: no logs)
 * @param canary the {@code inputs.canary} list, one entry per MySQL canary (default none)
 */
public record AgentSettings(
    AgentConfig agent,
    CollectorConfig collector,
    OsInputConfig os,
    List<MySqlSourceConfig> mysql,
    List<HttpProbeConfig> http,
    AccessLogSettings accessLog,
    List<CanaryConfig> canary) {

  public AgentSettings {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(os, "os");
    mysql = List.copyOf(mysql);
    http = List.copyOf(http);
    Objects.requireNonNull(accessLog, "accessLog");
    canary = List.copyOf(canary);
  }

  /** Settings without HTTP probes, access logs or canaries. */
  public AgentSettings(
      AgentConfig agent,
      CollectorConfig collector,
      OsInputConfig os,
      List<MySqlSourceConfig> mysql) {
    this(agent, collector, os, mysql, List.of(), AccessLogSettings.none(), List.of());
  }

  /** How many HTTP probes, access logs and canaries the settings ask for. */
  public int latencyInputCount() {
    return http.size() + accessLog.files().size() + canary.size();
  }
}
