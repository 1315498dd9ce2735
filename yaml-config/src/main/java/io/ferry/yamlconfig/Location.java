package io.ferry.yamlconfig;

import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Where a piece of configuration was read: a file label with the line when known, or the
 * environment variable that set it.
 */
record Location(String source, OptionalInt line) {

  /** A place in a file with no particular line, such as a key the file leaves out. */
  static Location of(String source) {
    return new Location(source, OptionalInt.empty());
  }

  /** The line a node starts on. */
  static Location of(String fileLabel, Node node) {
    return node.getStartMark()
        .map(mark -> new Location(fileLabel, OptionalInt.of(mark.getLine() + 1)))
        .orElseGet(() -> of(fileLabel));
  }

  ConfigException problem(String keyPath, String problem) {
    return new ConfigException(source, line, keyPath, problem);
  }
}
