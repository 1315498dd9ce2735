package io.ferry.agent;

import io.ferry.agent.config.AgentSettings;
import io.ferry.agent.input.MetricSource;
import io.ferry.agent.input.accesslog.AccessLogConfig;
import io.ferry.agent.input.accesslog.AccessLogInput;
import io.ferry.agent.input.canary.CanaryConfig;
import io.ferry.agent.input.canary.MySqlCanary;
import io.ferry.agent.input.http.HttpProbeConfig;
import io.ferry.agent.input.http.HttpProbeInput;
import io.ferry.agent.input.mysql.MySqlSource;
import io.ferry.agent.input.mysql.MySqlSourceConfig;
import io.ferry.agent.input.os.OshiOsSource;
import java.util.ArrayList;
import java.util.List;

/** Builds the sources the configuration asks for: one method per kind of input. */
public class SourceFactory {

  /**
   * The OS input when enabled, then one MySQL input per {@code inputs.mysql} entry, then the HTTP
   * probes, access logs and canaries.
   */
  public List<MetricSource> create(AgentSettings settings) {
    List<MetricSource> sources = new ArrayList<>();
    if (settings.os().enabled()) {
      sources.add(os(settings));
    }
    for (MySqlSourceConfig server : settings.mysql()) {
      sources.add(mysql(server));
    }
    for (HttpProbeConfig probe : settings.http()) {
      sources.add(new HttpProbeInput(probe));
    }
    for (AccessLogConfig log : settings.accessLog().files()) {
      sources.add(
          new AccessLogInput(
              log, settings.accessLog().stateDirectory(), settings.accessLog().offsetsFile(log)));
    }
    for (CanaryConfig canary : settings.canary()) {
      sources.add(new MySqlCanary(canary));
    }
    return sources;
  }

  protected MetricSource os(AgentSettings settings) {
    return new OshiOsSource(settings.os());
  }

  protected MetricSource mysql(MySqlSourceConfig server) {
    return new MySqlSource(server);
  }
}
