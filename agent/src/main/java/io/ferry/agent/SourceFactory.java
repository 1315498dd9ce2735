package io.ferry.agent;

import io.ferry.agent.config.AgentSettings;
import io.ferry.agent.input.MetricSource;
import io.ferry.agent.input.mysql.MySqlSource;
import io.ferry.agent.input.mysql.MySqlSourceConfig;
import io.ferry.agent.input.os.OshiOsSource;
import java.util.ArrayList;
import java.util.List;

/** Builds the sources the configuration asks for: one method per kind of input. */
public class SourceFactory {

  /** The OS input when enabled, then one MySQL input per {@code inputs.mysql} entry. */
  public List<MetricSource> create(AgentSettings settings) {
    List<MetricSource> sources = new ArrayList<>();
    if (settings.os().enabled()) {
      sources.add(os(settings));
    }
    for (MySqlSourceConfig server : settings.mysql()) {
      sources.add(mysql(server));
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
