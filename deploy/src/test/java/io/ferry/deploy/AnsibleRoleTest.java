package io.ferry.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ansible role run for real (ansible-playbook, local connection) with the tarball into a
 * temporary directory: first run, a second run that changes nothing, a configuration change that
 * notifies the restart handler, and a typo that fails the play and leaves the installed
 * configuration alone. Users and systemd are left out (manage_user and manage_service false): the
 * test does not change the machine it runs on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnsibleRoleTest {

  private static final String HANDLER = "RUNNING HANDLER [ferry_agent : Restart ferry-agent]";

  @TempDir static Path root;
  static HostData data;
  static Path playbook;

  @BeforeAll
  static void prepare() throws Exception {
    data = HostData.forRoot(root);
    Files.createDirectories(Path.of(data.launcher()).getParent());
    playbook =
        Files.writeString(
            root.resolve("play.yml"),
            """
            - hosts: localhost
              connection: local
              gather_facts: false
              roles: [ferry_agent]
            """);
  }

  private static Command.Result play(HostData host, String name) throws Exception {
    Path variables = host.writeAnsibleVariables(root.resolve(name + "-vars.yml"));
    return Command.of(
            "ansible-playbook",
            "-v",
            "-i",
            "localhost,",
            "-e",
            "@" + variables,
            playbook.toString())
        .withEnvironment(
            Map.of(
                "ANSIBLE_ROLES_PATH",
                AgentPackages.deployDirectory().resolve("ansible/roles").toString(),
                "ANSIBLE_NOCOLOR",
                "1",
                "ANSIBLE_LOCAL_TEMP",
                root.resolve("ansible-tmp").toString(),
                "ANSIBLE_REMOTE_TEMP",
                root.resolve("ansible-tmp").toString()))
        .run();
  }

  private static Path config() {
    return Path.of(data.configDirectory(), "agent.yml");
  }

  @Test
  @Order(1)
  void firstRunInstallsTheAgentAndItsCheckedConfiguration() throws Exception {
    Command.Result run = play(data, "first");

    assertThat(run.exitStatus()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("localhost\\s+: ok=\\d+\\s+changed=[1-9]");
    Map<String, Object> written = HostData.parseYaml(Files.readString(config()));
    assertThat(written).containsEntry("agent", data.agentConfig().get("agent"));
    assertThat(written.get("collector"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("url", "http://127.0.0.1:18186")
        .containsEntry("token_file", data.configDirectory() + "/agent.token");
    Path token = Path.of(data.configDirectory(), "agent.token");
    assertThat(Files.readString(token).strip()).isEqualTo(HostData.TOKEN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-r-----");

    Command.Result checked =
        Command.of(data.launcher(), "--check-config", config().toString()).run();
    assertThat(checked.exitStatus()).as(checked.output()).isZero();
    assertThat(checked.output()).contains("interval: 5s").doesNotContain(HostData.TOKEN);
  }

  @Test
  @Order(2)
  void secondRunChangesNothing() throws Exception {
    Command.Result run = play(data, "second");

    assertThat(run.exitStatus()).as(run.output()).isZero();
    assertThat(run.output())
        .containsPattern("localhost\\s+: ok=\\d+\\s+changed=0 ")
        .doesNotContain(HANDLER);
  }

  @Test
  @Order(3)
  void aConfigurationChangeRestartsTheAgent() throws Exception {
    data = data.withAgentSetting("agent", "interval", "7s");

    Command.Result run = play(data, "changed");

    assertThat(run.exitStatus()).as(run.output()).isZero();
    assertThat(run.output())
        .containsPattern("localhost\\s+: ok=\\d+\\s+changed=1 ")
        .contains(HANDLER);
    assertThat(Files.readString(config())).contains("interval: 7s");
  }

  @Test
  @Order(4)
  void aTypoFailsThePlayAndKeepsTheRunningConfiguration() throws Exception {
    String before = Files.readString(config());

    Command.Result run = play(data.withAgentSetting("agent", "interval", "7 seconds"), "typo");

    assertThat(run.exitStatus()).isNotZero();
    assertThat(run.output()).contains("failed to validate").contains("agent.interval");
    assertThat(Files.readString(config())).isEqualTo(before);
  }

  @Test
  @Order(5)
  void theTokenNeverAppearsInAnsibleOutput() throws Exception {
    Command.Result run = play(data.withAgentSetting("collector", "timeout", "6s"), "token");

    assertThat(run.exitStatus()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain(HostData.TOKEN);
  }
}
