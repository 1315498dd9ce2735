package io.ferry.agent.input.canary;

import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputContext;
import io.ferry.agent.input.InputKind;
import io.ferry.yamlconfig.ConfigMapping;
import java.util.List;

/** {@code inputs.canary}: one MySQL canary input per entry. */
public final class CanaryInputKind implements InputKind<List<CanaryConfig>> {

  public static final CanaryInputKind INSTANCE = new CanaryInputKind();

  private CanaryInputKind() {}

  @Override
  public String key() {
    return "canary";
  }

  @Override
  public List<CanaryConfig> read(ConfigMapping inputs, InputContext context) {
    return CanarySection.read(inputs.mappingList(key()));
  }

  @Override
  public void render(List<CanaryConfig> config, StringBuilder out) {
    CanarySection.render(config, out);
  }

  @Override
  public List<Input> create(List<CanaryConfig> config) {
    return config.stream().<Input>map(MySqlCanary::new).toList();
  }

  @Override
  public int workers(List<CanaryConfig> config) {
    return config.size();
  }

  @Override
  public List<String> grants(List<CanaryConfig> config) {
    return config.stream()
        .map(
            canary ->
                "  canary "
                    + canary.name()
                    + ": what its statement reads, nothing more"
                    + " (for example GRANT SELECT ON one table)")
        .toList();
  }
}
