package io.ferry.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Salt state, rendered from the same host data as the Ansible role's test (Salt is not packaged
 * for Debian 12; src/test/python/render_salt.py emulates the parts of Salt's Jinja renderer the
 * state uses). Checked: every state is a real Salt state function, every requisite names a declared
 * state, the configuration it writes is what the data asks for and passes {@code ferry-agent
 * --check-config} (the state's check_cmd), and the token is not in the state.
 */
class SaltStateTest {

  /** The Salt state functions the ferry_agent state may use. */
  private static final Set<String> STATE_FUNCTIONS =
      Set.of(
          "pkg.installed",
          "user.present",
          "archive.extracted",
          "file.symlink",
          "file.managed",
          "file.directory",
          "module.run",
          "service.running");

  private static final Set<String> REQUISITES =
      Set.of("require", "watch", "onchanges", "require_in", "watch_in");

  @TempDir static Path root;
  static HostData data;
  static Path launcher;

  @BeforeAll
  static void unpackTheAgent() throws Exception {
    data = HostData.forRoot(root);
    Path unpacked = Files.createDirectories(root.resolve("unpacked"));
    Command.Result tar =
        Command.of("tar", "xzf", AgentPackages.tarball().toString(), "-C", unpacked.toString())
            .run();
    assertThat(tar.exitStatus()).as(tar.output()).isZero();
    try (var dirs = Files.list(unpacked)) {
      launcher = dirs.findFirst().orElseThrow().resolve("bin/ferry-agent");
    }
  }

  private static Map<String, Object> render(HostData host, String name) throws Exception {
    Path pillar = host.writePillar(root.resolve(name + "-pillar.yml"));
    Path deploy = AgentPackages.deployDirectory();
    Command.Result rendered =
        Command.of(
                "python3",
                deploy.resolve("src/test/python/render_salt.py").toString(),
                deploy.resolve("salt").toString(),
                "ferry_agent",
                pillar.toString())
            .run();
    assertThat(rendered.exitStatus()).as(rendered.output()).isZero();
    assertThat(rendered.output())
        .as("the token stays in the pillar")
        .doesNotContain(HostData.TOKEN);
    return HostData.parseYaml(rendered.output());
  }

  @Test
  void writesTheConfigurationTheDataAsksForAndItPassesTheAgentsCheck() throws Exception {
    Map<String, Object> states = render(data, "tarball");

    String contents = (String) argument(states, "ferry-agent-config", "file.managed", "contents");
    Map<String, Object> config = HostData.parseYaml(contents);
    assertThat(config).containsEntry("agent", data.agentConfig().get("agent"));
    assertThat(config.get("collector"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("url", "http://127.0.0.1:18186")
        .containsEntry("token_file", data.configDirectory() + "/agent.token");
    assertThat(argument(states, "ferry-agent-config", "file.managed", "check_cmd"))
        .isEqualTo(data.launcher() + " --check-config");

    // What the token state (required by the configuration's state) writes before the check runs.
    Path tokenFile = Path.of(data.configDirectory(), "agent.token");
    Files.createDirectories(tokenFile.getParent());
    Files.writeString(tokenFile, HostData.TOKEN);
    Path written = Files.writeString(root.resolve("salt-agent.yml"), contents);
    Command.Result checked =
        Command.of(launcher.toString(), "--check-config", written.toString()).run();
    assertThat(checked.exitStatus()).as(checked.output()).isZero();
    assertThat(argument(states, "ferry-agent-token", "file.managed", "contents_pillar"))
        .isEqualTo("ferry_agent:token");
  }

  @Test
  void everyStateIsARealFunctionAndEveryRequisiteIsDeclared() throws Exception {
    for (String installMethod : List.of("tarball", "deb")) {
      HostData host =
          data.withSetting("install_method", installMethod)
              .withSetting("deb", root.resolve("ferry-agent_0.1.0_all.deb").toString())
              .withSetting("manage_service", true)
              .withSetting("manage_user", true);
      Map<String, Object> states = render(host, installMethod);

      assertThat(states)
          .containsKeys("ferry-agent-config", "ferry-agent-token", "ferry-agent-service");
      Map<String, Set<String>> modulesById = new HashMap<>();
      states.forEach(
          (id, body) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> functions = (Map<String, Object>) body;
            assertThat(functions.keySet()).as(id).isSubsetOf(STATE_FUNCTIONS);
            modulesById.put(
                id,
                functions.keySet().stream()
                    .map(f -> f.substring(0, f.indexOf('.')))
                    .collect(java.util.stream.Collectors.toSet()));
          });
      states.forEach((id, body) -> checkRequisites(installMethod, id, body, modulesById));
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkRequisites(
      String variant, String id, Object body, Map<String, Set<String>> modulesById) {
    for (Object arguments : ((Map<String, Object>) body).values()) {
      for (Object argument : (List<Object>) arguments) {
        if (!(argument instanceof Map<?, ?> map)) {
          continue;
        }
        map.forEach(
            (key, value) -> {
              if (REQUISITES.contains(key)) {
                for (Object target : (List<Object>) value) {
                  Map.Entry<String, Object> named =
                      ((Map<String, Object>) target).entrySet().iterator().next();
                  assertThat(modulesById.get((String) named.getValue()))
                      .as(variant + ": " + id + " " + key + " " + named)
                      .isNotNull()
                      .contains(named.getKey());
                }
              }
            });
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object argument(
      Map<String, Object> states, String id, String function, String name) {
    List<Object> arguments = (List<Object>) ((Map<String, Object>) states.get(id)).get(function);
    return arguments.stream()
        .map(a -> (Map<String, Object>) a)
        .filter(a -> a.containsKey(name))
        .map(a -> a.get(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " has no " + name));
  }
}
