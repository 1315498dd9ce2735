package io.ferry.agent.config;

import io.ferry.agent.input.accesslog.AccessLogSettings;
import io.ferry.agent.input.canary.CanaryConfig;
import io.ferry.agent.input.http.HttpProbeConfig;
import io.ferry.agent.input.mysql.MySqlSourceConfig;
import io.ferry.agent.spool.SpoolConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything the agent's configuration file says, typed, defaulted and validated by {@link
 * ConfigLoader}.
 *
 * @param agent the {@code agent} section
 * @param collector the {@code collector} section
 * @param spool the {@code spool} section
 * @param os the {@code inputs.os} section
 * @param mysql the {@code inputs.mysql} list, one entry per monitored server (default none)
 * @param http the {@code inputs.http} list, one entry per HTTP probe (default none)
 * @param accessLog the {@code inputs.access_log} section (default: no logs)
 * @param canary the {@code inputs.canary} list, one entry per MySQL canary (default none)
 */
public record AgentSettings(
    AgentConfig agent,
    CollectorConfig collector,
    SpoolConfig spool,
    OsInputConfig os,
    List<MySqlSourceConfig> mysql,
    List<HttpProbeConfig> http,
    AccessLogSettings accessLog,
    List<CanaryConfig> canary) {

  public AgentSettings {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(spool, "spool");
    Objects.requireNonNull(os, "os");
    mysql = List.copyOf(mysql);
    http = List.copyOf(http);
    Objects.requireNonNull(accessLog, "accessLog");
    canary = List.copyOf(canary);
  }

  /** How many HTTP probes, access logs and canaries the settings ask for. */
  public int latencyInputCount() {
    return http.size() + accessLog.files().size() + canary.size();
  }
}
