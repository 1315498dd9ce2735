package io.ferry.agent.input;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an input's configuration may depend on outside its own section.
 *
 * @param stateDirectory the agent's state directory ({@code agent.state_directory}), where inputs
 *     keep what must survive a restart (the access log's offsets)
 */
public record InputContext(Path stateDirectory) {

  public InputContext {
    Objects.requireNonNull(stateDirectory, "stateDirectory");
  }
}
