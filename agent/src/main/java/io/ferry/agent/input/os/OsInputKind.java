package io.ferry.agent.input.os;

import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputContext;
import io.ferry.agent.input.InputKind;
import io.ferry.yamlconfig.ConfigMapping;
import java.util.List;

/** {@code inputs.os}: the operating-system input, one per agent unless disabled. */
public final class OsInputKind implements InputKind<OsInputConfig> {

  public static final OsInputKind INSTANCE = new OsInputKind();

  private OsInputKind() {}

  @Override
  public String key() {
    return "os";
  }

  @Override
  public OsInputConfig read(ConfigMapping inputs, InputContext context) {
    return OsSection.read(inputs.mapping(key()));
  }

  @Override
  public void render(OsInputConfig config, StringBuilder out) {
    OsSection.render(config, out);
  }

  @Override
  public List<Input> create(OsInputConfig config) {
    return config.enabled() ? List.of(new OshiOsInput(config)) : List.of();
  }

  @Override
  public int workers(OsInputConfig config) {
    return config.enabled() ? 1 : 0;
  }
}
