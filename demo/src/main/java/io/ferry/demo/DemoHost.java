package io.ferry.demo;

import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.util.List;

/** One database server of the demo with the tags its agent gives it. */
record DemoHost(String name, String cluster, String role, LocalMariaDb server) {

  static List<DemoHost> of(MigrationStack stack) {
    return List.of(
        new DemoHost("old-primary", "old", "primary", stack.oldPrimary()),
        new DemoHost("old-replica", "old", "replica", stack.oldReplica()),
        new DemoHost("new-primary", "new", "primary", stack.newPrimary()),
        new DemoHost("new-replica", "new", "replica", stack.newReplica()));
  }
}
