package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTarballTest {

  @TempDir Path dir;

  @Test
  void unpacksOnlyTheShippedRules() throws Exception {
    Path tarball = tarball("ferry-1.0", List.of("etc/rules/replication.yml", "lib/ferry.jar"));

    Path rules = new CollectorTarball(tarball).unpackRules(dir.resolve("unpacked"));

    assertThat(rules).isEqualTo(dir.resolve("unpacked/ferry-1.0/etc/rules"));
    assertThat(rules.resolve("replication.yml")).hasContent("rules: []");
    assertThat(dir.resolve("unpacked/ferry-1.0/lib")).doesNotExist();
  }

  @Test
  void aTarballWithoutRulesIsAnErrorNamingIt() throws Exception {
    Path tarball = tarball("ferry-1.0", List.of("lib/ferry.jar"));

    assertThatThrownBy(() -> new CollectorTarball(tarball).unpackRules(dir.resolve("unpacked")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot unpack the alert rules of " + tarball);
  }

  @Test
  void unpacksTheWholeInstallationWithAnExecutableLauncher() throws Exception {
    Path tarball =
        tarball(
            "ferry-1.0", List.of("bin/ferry", "etc/rules/hosts.yml", "lib/ferry.jar"), "bin/ferry");

    Path root = new CollectorTarball(tarball).unpack(dir.resolve("unpacked"));

    assertThat(root).isEqualTo(dir.resolve("unpacked/ferry-1.0"));
    assertThat(root.resolve("bin/ferry")).isExecutable();
    assertThat(root.resolve("lib/ferry.jar")).exists();
    assertThat(root.resolve("etc/rules/hosts.yml")).exists();
  }

  @Test
  void aTarballWithoutAnExecutableLauncherIsAnErrorNamingIt() throws Exception {
    Path tarball = tarball("ferry-1.0", List.of("bin/ferry", "etc/rules/hosts.yml"));

    assertThatThrownBy(() -> new CollectorTarball(tarball).unpack(dir.resolve("unpacked")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(tarball + " has no executable bin/ferry");
  }

  @Test
  void aMissingTarballSaysToBuildIt() {
    assertThatThrownBy(() -> new CollectorTarball(dir.resolve("ferry-1.0.tar.gz")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist: build it first");
  }

  /** A tar.gz made with tar, holding {@code files} (each containing "rules: []") under root. */
  private Path tarball(String root, List<String> files) throws Exception {
    return tarball(root, files, null);
  }

  /** As {@link #tarball(String, List)}, with {@code executable} (one of the files) executable. */
  private Path tarball(String root, List<String> files, String executable) throws Exception {
    Path content = dir.resolve("content");
    for (String file : files) {
      Path path = content.resolve(root).resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "rules: []");
      if (file.equals(executable)) {
        assertThat(path.toFile().setExecutable(true)).isTrue();
      }
    }
    Path tarball = dir.resolve(root + ".tar.gz");
    Process tar =
        new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", content.toString(), root)
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor()).as(new String(tar.getInputStream().readAllBytes())).isZero();
    return tarball;
  }
}
