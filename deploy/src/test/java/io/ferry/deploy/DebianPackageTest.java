package io.ferry.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's Debian package, unpacked with dpkg-deb (not installed: the tests leave the machine's
 * users and services alone), its launcher run through the /usr/bin symlink, and its systemd unit
 * checked by systemd-analyze.
 */
class DebianPackageTest {

  @TempDir static Path root;
  @TempDir static Path control;
  static Path deb;

  @BeforeAll
  static void unpack() throws Exception {
    deb = AgentPackages.debianPackage();
    assertThat(Command.of("dpkg-deb", "-x", deb.toString(), root.toString()).run().exitStatus())
        .isZero();
    assertThat(Command.of("dpkg-deb", "-e", deb.toString(), control.toString()).run().exitStatus())
        .isZero();
  }

  @Test
  void declaresWhatItNeedsAndKeepsTheConfigurationAsAConffile() throws Exception {
    String fields = Command.of("dpkg-deb", "--field", deb.toString()).run().output();

    assertThat(fields)
        .contains("Package: ferry-agent")
        .contains("Architecture: all")
        .containsPattern("Depends: .*java17-runtime-headless")
        .containsPattern("Depends: .*adduser");
    assertThat(Files.readString(control.resolve("conffiles")).strip())
        .isEqualTo("/etc/ferry/agent.yml");
  }

  @Test
  void installsTheLauncherAsASymlinkThatFindsItsJar() throws Exception {
    Path launcher = root.resolve("usr/bin/ferry-agent");
    assertThat(Files.isSymbolicLink(launcher)).isTrue();

    Command.Result checked =
        Command.of(
                launcher.toString(),
                "--check-config",
                root.resolve("etc/ferry/agent.yml").toString())
            .withEnvironment(Map.of("FERRY_TOKEN", "token-for-the-package-test"))
            .run();

    assertThat(checked.exitStatus()).as(checked.output()).isZero();
    assertThat(checked.output())
        .contains("interval: 10s")
        .doesNotContain("token-for-the-package-test");
  }

  @Test
  void refusesToStartUntilConfiguredAndSaysWhy() throws Exception {
    Command.Result checked =
        Command.of(
                root.resolve("usr/bin/ferry-agent").toString(),
                "--check-config",
                root.resolve("etc/ferry/agent.yml").toString())
            .withEnvironment(Collections.singletonMap("FERRY_TOKEN", null))
            .run();

    assertThat(checked.exitStatus()).isEqualTo(2);
    assertThat(checked.output()).contains("FERRY_TOKEN").doesNotContain("Exception");
  }

  @Test
  void maintainerScriptsAreValidShell() throws Exception {
    for (String script : new String[] {"postinst", "prerm", "postrm"}) {
      Path file = control.resolve(script);
      assertThat(Files.isExecutable(file)).as(script).isTrue();
      Command.Result syntax = Command.of("sh", "-n", file.toString()).run();
      assertThat(syntax.exitStatus()).as(script + ": " + syntax.output()).isZero();
    }
    assertThat(Files.readString(control.resolve("postinst")))
        .contains("adduser --system --group")
        .contains("systemctl enable ferry-agent.service");
  }

  @Test
  void systemdUnitIsValidAndSandboxed(@TempDir Path units) throws Exception {
    Path unit = root.resolve("lib/systemd/system/ferry-agent.service");
    String text = Files.readString(unit);
    assertThat(text)
        .contains("User=ferry-agent")
        .contains("Restart=on-failure")
        .contains("StateDirectory=ferry-agent")
        .contains("NoNewPrivileges=yes")
        .contains("ProtectSystem=strict");
    // systemd-analyze verify checks that ExecStart's program exists: point it at the unpacked one.
    Path copy = units.resolve("ferry-agent.service");
    Files.writeString(
        copy, text.replace("/usr/bin/ferry-agent", root.resolve("usr/bin/ferry-agent").toString()));

    Command.Result verified = Command.of("systemd-analyze", "verify", copy.toString()).run();
    assertThat(verified.exitStatus()).as(verified.output()).isZero();
    assertThat(verified.output()).as("warnings such as unknown keys").isBlank();

    Command.Result security =
        Command.of("systemd-analyze", "security", "--offline=yes", copy.toString()).run();
    assertThat(security.output())
        .containsPattern("Overall exposure level for ferry-agent.service: [0-2]\\.\\d OK");
  }
}
