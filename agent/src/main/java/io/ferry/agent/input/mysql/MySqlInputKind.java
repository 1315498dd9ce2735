package io.ferry.agent.input.mysql;

import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputContext;
import io.ferry.agent.input.InputKind;
import io.ferry.yamlconfig.ConfigMapping;
import java.util.ArrayList;
import java.util.List;

/** {@code inputs.mysql}: one MySQL input per monitored server. */
public final class MySqlInputKind implements InputKind<List<MySqlInputConfig>> {

  public static final MySqlInputKind INSTANCE = new MySqlInputKind();

  private MySqlInputKind() {}

  @Override
  public String key() {
    return "mysql";
  }

  @Override
  public List<MySqlInputConfig> read(ConfigMapping inputs, InputContext context) {
    return MySqlSection.read(inputs.mappingList(key()));
  }

  @Override
  public void render(List<MySqlInputConfig> config, StringBuilder out) {
    MySqlSection.render(config, out);
  }

  @Override
  public List<Input> create(List<MySqlInputConfig> config) {
    return config.stream().<Input>map(MySqlInput::new).toList();
  }

  @Override
  public int workers(List<MySqlInputConfig> config) {
    return config.size();
  }

  @Override
  public List<String> grants(List<MySqlInputConfig> config) {
    List<String> lines = new ArrayList<>();
    for (MySqlInputConfig server : config) {
      lines.add("  " + server.name() + ":");
      RequiredGrants.statements(server).forEach(statement -> lines.add("    " + statement));
    }
    return lines;
  }
}
