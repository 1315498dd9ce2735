package io.ferry.agent.config;

import io.ferry.agent.input.InputSettings;
import io.ferry.agent.input.accesslog.AccessLogInputKind;
import io.ferry.agent.input.accesslog.AccessLogSettings;
import io.ferry.agent.input.canary.CanaryConfig;
import io.ferry.agent.input.canary.CanaryInputKind;
import io.ferry.agent.input.http.HttpProbeConfig;
import io.ferry.agent.input.http.HttpProbeInputKind;
import io.ferry.agent.input.mysql.MySqlInputConfig;
import io.ferry.agent.input.mysql.MySqlInputKind;
import io.ferry.agent.input.os.OsInputConfig;
import io.ferry.agent.input.os.OsInputKind;
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
 * @param inputs the {@code inputs} section, one configuration per kind of input
 */
public record AgentSettings(
    AgentConfig agent, CollectorConfig collector, SpoolConfig spool, InputSettings inputs) {

  public AgentSettings {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(spool, "spool");
    Objects.requireNonNull(inputs, "inputs");
  }

  /** The {@code inputs.os} section; a shorthand for {@code inputs().config(...)}. */
  public OsInputConfig os() {
    return inputs.config(OsInputKind.INSTANCE);
  }

  /** The {@code inputs.mysql} list, one entry per monitored server. */
  public List<MySqlInputConfig> mysql() {
    return inputs.config(MySqlInputKind.INSTANCE);
  }

  /** The {@code inputs.http} list, one entry per HTTP probe. */
  public List<HttpProbeConfig> http() {
    return inputs.config(HttpProbeInputKind.INSTANCE);
  }

  /** The {@code inputs.access_log} section. */
  public AccessLogSettings accessLog() {
    return inputs.config(AccessLogInputKind.INSTANCE);
  }

  /** The {@code inputs.canary} list, one entry per MySQL canary. */
  public List<CanaryConfig> canary() {
    return inputs.config(CanaryInputKind.INSTANCE);
  }
}
