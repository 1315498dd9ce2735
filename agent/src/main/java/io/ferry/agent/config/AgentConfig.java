package io.ferry.agent.config;

import java.nio.file.Path;
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
 * @param stateDirectory what the agent keeps across restarts: the spool ({@code spool/}) and the
 *     access logs' read offsets (default {@value #DEFAULT_STATE_DIRECTORY}, the folder systemd
 *     creates for {@code StateDirectory=ferry-agent})
 */
public record AgentConfig(
    String host, Duration interval, boolean jitter, Map<String, String> tags, Path stateDirectory) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final boolean DEFAULT_JITTER = true;
  public static final String DEFAULT_STATE_DIRECTORY = "/var/lib/ferry-agent";

  public AgentConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(interval, "interval");
    tags = Map.copyOf(tags);
    Objects.requireNonNull(stateDirectory, "stateDirectory");
  }

  /** The spool's folder in the state directory. */
  public Path spoolDirectory() {
    return stateDirectory.resolve("spool");
  }

  /** The tags the agent adds to every point: {@code host} and the configured ones. */
  public Map<String, String> globalTags() {
    var all = new TreeMap<>(tags);
    all.put("host", host);
    return all;
  }
}
