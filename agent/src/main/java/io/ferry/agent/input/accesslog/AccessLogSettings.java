package io.ferry.agent.input.accesslog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code inputs.access_log} section.
 *
 * @param stateDirectory where the offsets files are kept, one per log ({@code
 *     access-log-<name>.offset}); created when missing (default {@value #DEFAULT_STATE_DIRECTORY})
 * @param files the logs followed (default none)
 */
public record AccessLogSettings(Path stateDirectory, List<AccessLogConfig> files) {

  public static final String DEFAULT_STATE_DIRECTORY = "/var/lib/ferry-agent";

  public AccessLogSettings {
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    files = List.copyOf(files);
  }

  /** No access logs. */
  public static AccessLogSettings none() {
    return new AccessLogSettings(Path.of(DEFAULT_STATE_DIRECTORY), List.of());
  }

  /** The offsets file of one log. */
  public Path offsetsFile(AccessLogConfig log) {
    return stateDirectory.resolve("access-log-" + log.name() + ".offset");
  }
}
