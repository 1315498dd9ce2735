package io.ferry.agent.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code agent} section: who this agent is and how often it works.
 *
 * @param host value of the {@code host} tag on every point (default: this machine's host name)
 * @param interval how often the agent collects all inputs and pushes to the collector (default 10
 *     s)
 * @param jitter whether the first collection waits a random time inside the first interval, so that
 *     a fleet started together does not write at the same second (default true)
 * @param tags extra tags added to every point, e.g. {@code cluster} and {@code role} (default none;
 *     {@code host} is set with {@code agent.host} instead)
 */
public record AgentConfig(
    String host, Duration interval, boolean jitter, Map<String, String> tags) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final boolean DEFAULT_JITTER = true;

  public AgentConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(interval, "interval");
    tags = Map.copyOf(tags);
  }

  /** The tags the agent adds to every point: {@code host} and the configured ones. */
  public Map<String, String> globalTags() {
    var all = new TreeMap<>(tags);
    all.put("host", host);
    return all;
  }
}
