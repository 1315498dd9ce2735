package io.ferry.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The release tarball of the {@code ferry} command and the collector ({@code ferry-VERSION.tar.gz},
 * built by the cli module): {@code bin/}, {@code lib/}, {@code etc/collector.yml} and the shipped
 * alert rules in {@code etc/rules/}.
 */
public final class CollectorTarball {

  private final Path tarball;

  public CollectorTarball(Path tarball) {
    if (!Files.isRegularFile(tarball)) {
      throw new IllegalArgumentException(
          tarball + " does not exist: build it first (mvn package -DskipTests)");
    }
    this.tarball = tarball;
  }

  /**
   * Unpacks the shipped alert rules ({@code etc/rules/*.yml}) under {@code into}, with {@code tar},
   * as an operator installing the tarball would get them.
   *
   * @return the folder holding the rule files
   * @throws IllegalStateException when tar fails or the tarball holds no rules
   */
  public Path unpackRules(Path into) throws IOException, InterruptedException {
    return rulesOf(untar(into, "the alert rules", List.of("--wildcards", "*/etc/rules/*.yml")));
  }

  /**
   * Unpacks the whole tarball under {@code into}, with {@code tar}, as an operator installs it: the
   * launcher {@code bin/ferry}, {@code lib/ferry.jar}, the sample configuration and the rules.
   *
   * @return the installed folder ({@code ferry-VERSION}), holding {@code bin}, {@code lib} and
   *     {@code etc}
   * @throws IllegalStateException when tar fails or the tarball has no launcher
   */
  public Path unpack(Path into) throws IOException, InterruptedException {
    Path root = rulesOf(untar(into, "the files", List.of())).getParent().getParent();
    if (!Files.isExecutable(root.resolve("bin").resolve("ferry"))) {
      throw new IllegalStateException(tarball + " has no executable bin/ferry: rebuild it");
    }
    return root;
  }

  private Path untar(Path into, String what, List<String> members)
      throws IOException, InterruptedException {
    Files.createDirectories(into);
    List<String> command =
        new ArrayList<>(List.of("tar", "-xzf", tarball.toString(), "-C", into.toString()));
    command.addAll(members);
    Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exit = tar.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "cannot unpack " + what + " of " + tarball + " (tar exit " + exit + "): " + output);
    }
    return into;
  }

  private Path rulesOf(Path into) throws IOException {
    try (Stream<Path> roots = Files.list(into)) {
      return roots
          .map(root -> root.resolve("etc").resolve("rules"))
          .filter(Files::isDirectory)
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException(tarball + " has no etc/rules folder: rebuild it"));
    }
  }

  @Override
  public String toString() {
    return tarball.toString();
  }
}
