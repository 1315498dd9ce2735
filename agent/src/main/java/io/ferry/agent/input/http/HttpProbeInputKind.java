package io.ferry.agent.input.http;

import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputContext;
import io.ferry.agent.input.InputKind;
import io.ferry.yamlconfig.ConfigMapping;
import java.util.List;

/** {@code inputs.http}: one HTTP probe input per entry. */
public final class HttpProbeInputKind implements InputKind<List<HttpProbeConfig>> {

  public static final HttpProbeInputKind INSTANCE = new HttpProbeInputKind();

  private HttpProbeInputKind() {}

  @Override
  public String key() {
    return "http";
  }

  @Override
  public List<HttpProbeConfig> read(ConfigMapping inputs, InputContext context) {
    return HttpProbeSection.read(inputs.mappingList(key()));
  }

  @Override
  public void render(List<HttpProbeConfig> config, StringBuilder out) {
    HttpProbeSection.render(config, out);
  }

  @Override
  public List<Input> create(List<HttpProbeConfig> config) {
    return config.stream().<Input>map(HttpProbeInput::new).toList();
  }

  /** Probes run on the event loop; their collection only hands over counts, on a worker. */
  @Override
  public int workers(List<HttpProbeConfig> config) {
    return config.size();
  }
}
