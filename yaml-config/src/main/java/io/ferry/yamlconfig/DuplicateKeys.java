package io.ferry.yamlconfig;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Rejects a key given twice in one mapping, and keys that are not plain names, anywhere in the
 * document: the composer keeps both copies of a duplicate, and silently using one of them would
 * hide a mistake.
 */
final class DuplicateKeys {

  private DuplicateKeys() {}

  static void reject(String fileLabel, Optional<Node> document) {
    document.ifPresent(node -> check(fileLabel, node, ""));
  }

  private static void check(String fileLabel, Node node, String path) {
    if (node instanceof SequenceNode sequence) {
      int index = 0;
      for (Node item : sequence.getValue()) {
        check(fileLabel, item, path + "[" + index++ + "]");
      }
    } else if (node instanceof MappingNode mapping) {
      Set<String> seen = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Location at = Location.of(fileLabel, tuple.getKeyNode());
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          throw at.problem(path, "keys must be plain names, not lists or mappings");
        }
        String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
        if (!seen.add(key.getValue())) {
          throw at.problem(keyPath, "key appears twice");
        }
        check(fileLabel, tuple.getValueNode(), keyPath);
      }
    }
  }
}
