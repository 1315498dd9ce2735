package io.ferry.agent.input.accesslog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code inputs.access_log} section.
 *
 * @param stateDirectory where the offsets files are kept, one per log ({@code
 *     access-log-<name>.offset}): the agent's state directory ({@code agent.state_directory})
 * @param files the logs followed (default none)
 */
public record AccessLogSettings(Path stateDirectory, List<AccessLogConfig> files) {

  public AccessLogSettings {
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    files = List.copyOf(files);
  }

  /** The offsets file of one log. */
  public Path offsetsFile(AccessLogConfig log) {
    return stateDirectory.resolve("access-log-" + log.name() + ".offset");
  }
}
