package io.ferry.agent.config;

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
 */
public record AgentSettings(
    AgentConfig agent,
    CollectorConfig collector,
    SpoolConfig spool,
    OsInputConfig os,
    List<MySqlSourceConfig> mysql) {

  public AgentSettings {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(spool, "spool");
    Objects.requireNonNull(os, "os");
    mysql = List.copyOf(mysql);
  }
}
