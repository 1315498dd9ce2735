package io.ferry.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The agent module's packages, built before this module (see this module's POM). */
final class AgentPackages {

  private AgentPackages() {}

  static Path tarball() {
    Path tarball = Path.of(System.getProperty("ferry.agent.tarball"));
    if (!Files.isRegularFile(tarball)) {
      throw new IllegalStateException(tarball + " is missing: build the agent module first");
    }
    return tarball;
  }

  static Path debianPackage() throws IOException {
    Path target = Path.of(System.getProperty("ferry.agent.target"));
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("ferry-agent_.*_all\\.deb"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no ferry-agent_*_all.deb in " + target));
    }
  }

  static Path deployDirectory() {
    return Path.of(System.getProperty("ferry.deploy.dir"));
  }
}
