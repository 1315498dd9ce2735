package io.ferry.agent.input.accesslog;

import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputContext;
import io.ferry.agent.input.InputKind;
import io.ferry.yamlconfig.ConfigMapping;
import java.util.List;

/** {@code inputs.access_log}: one access log input per followed file. */
public final class AccessLogInputKind implements InputKind<AccessLogSettings> {

  public static final AccessLogInputKind INSTANCE = new AccessLogInputKind();

  private AccessLogInputKind() {}

  @Override
  public String key() {
    return "access_log";
  }

  /** The offsets files go to the agent's state directory. */
  @Override
  public AccessLogSettings read(ConfigMapping inputs, InputContext context) {
    return AccessLogSection.read(inputs.mapping(key()), context.stateDirectory());
  }

  @Override
  public void render(AccessLogSettings config, StringBuilder out) {
    AccessLogSection.render(config, out);
  }

  @Override
  public List<Input> create(AccessLogSettings config) {
    return config.files().stream()
        .<Input>map(
            log -> new AccessLogInput(log, config.stateDirectory(), config.offsetsFile(log)))
        .toList();
  }

  @Override
  public int workers(AccessLogSettings config) {
    return config.files().size();
  }
}
