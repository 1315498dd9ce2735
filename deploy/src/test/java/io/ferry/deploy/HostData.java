package io.ferry.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The test host's data (src/test/resources/agent-host.yml), written once as a Salt pillar and once
 * as Ansible variables, so both tools are checked against the same data.
 */
final class HostData {

  static final String TOKEN = "deploy-test-token-7f3a";

  private final Map<String, Object> settings;

  private HostData(Map<String, Object> settings) {
    this.settings = settings;
  }

  @SuppressWarnings("unchecked")
  static HostData forRoot(Path root) throws IOException, InterruptedException {
    String template;
    try (InputStream in = HostData.class.getResourceAsStream("/agent-host.yml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String group = Command.of("id", "-gn").run().output().strip();
    String text =
        template
            .replace("@ROOT@", root.toString())
            .replace("@TARBALL@", AgentPackages.tarball().toString())
            .replace("@GROUP@", group);
    Map<String, Object> pillar =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    return new HostData((Map<String, Object>) pillar.get("ferry_agent"));
  }

  /** The agent configuration the data asks for. */
  @SuppressWarnings("unchecked")
  Map<String, Object> agentConfig() {
    return (Map<String, Object>) settings.get("config");
  }

  String configDirectory() {
    return (String) settings.get("config_dir");
  }

  String launcher() {
    return (String) settings.get("bin");
  }

  /** A copy with one key of the agent configuration replaced, e.g. ("agent", "interval", "7s"). */
  @SuppressWarnings("unchecked")
  HostData withAgentSetting(String section, String key, Object value) {
    Map<String, Object> config = new LinkedHashMap<>(agentConfig());
    Map<String, Object> sectionMap = new LinkedHashMap<>((Map<String, Object>) config.get(section));
    sectionMap.put(key, value);
    config.put(section, sectionMap);
    Map<String, Object> copy = new LinkedHashMap<>(settings);
    copy.put("config", config);
    return new HostData(copy);
  }

  /** A copy with one of the role's or state's settings replaced, e.g. ("manage_service", true). */
  HostData withSetting(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(settings);
    copy.put(key, value);
    return new HostData(copy);
  }

  Path writePillar(Path file) throws IOException {
    return write(file, Map.of("ferry_agent", settings));
  }

  Path writeAnsibleVariables(Path file) throws IOException {
    Map<String, Object> variables = new LinkedHashMap<>();
    settings.forEach((key, value) -> variables.put("ferry_agent_" + key, value));
    return write(file, variables);
  }

  private static Path write(Path file, Map<String, Object> data) throws IOException {
    return Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(data));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseYaml(String text) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }
}
