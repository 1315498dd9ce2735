package io.ferry.agent.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.agent.input.os.OsInputConfig;
import io.ferry.agent.input.os.OsInputKind;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list of input kinds drives reading, creation, worker sizing and {@code --check-config}: a
 * kind added to the list (here a test-only {@code echo} kind) is read, created, counted and
 * rendered without any other change.
 */
class InputSettingsTest {

  private static final InputContext CONTEXT = new InputContext(Path.of("/var/lib/ferry-agent"));

  /** A sixth kind as a new package would write it: a list of named entries with one option. */
  record EchoConfig(String name, int copies) {}

  static final InputKind<List<EchoConfig>> ECHO =
      new InputKind<>() {
        @Override
        public String key() {
          return "echo";
        }

        @Override
        public List<EchoConfig> read(ConfigMapping inputs, InputContext context) {
          return inputs.mappingList(key()).stream()
              .map(e -> new EchoConfig(e.requiredString("name"), e.integer("copies", 1, 1, 10)))
              .toList();
        }

        @Override
        public void render(List<EchoConfig> config, StringBuilder out) {
          out.append("  echo:").append(config.isEmpty() ? " []\n" : "\n");
          config.forEach(
              e ->
                  out.append("    - {name: ")
                      .append(YamlOut.quote(e.name()))
                      .append(", copies: ")
                      .append(e.copies())
                      .append("}\n"));
        }

        @Override
        public List<Input> create(List<EchoConfig> config) {
          return config.stream().<Input>map(EchoInput::new).toList();
        }

        @Override
        public int workers(List<EchoConfig> config) {
          return config.size();
        }

        @Override
        public List<String> grants(List<EchoConfig> config) {
          return config.stream().map(e -> "  echo " + e.name() + ": none").toList();
        }
      };

  record EchoInput(EchoConfig config) implements Input {
    @Override
    public String name() {
      return "echo:" + config.name();
    }

    @Override
    public void collect(Accumulator accumulator) {}
  }

  private static final List<InputKind<?>> WITH_ECHO = List.of(OsInputKind.INSTANCE, ECHO);

  private static ConfigMapping inputs(String yaml) {
    return new YamlConfigReader(Environment.of(Map.of()))
        .parse(yaml, "agent.yml", Path.of(""))
        .mapping("inputs");
  }

  @Test
  void aKindInTheListIsReadCreatedCountedAndRendered() {
    InputSettings settings =
        InputSettings.read(
            WITH_ECHO,
            inputs("inputs:\n  os: {enabled: false}\n  echo: [{name: a, copies: 3}, {name: b}]\n"),
            CONTEXT);

    assertThat(settings.config(ECHO))
        .containsExactly(new EchoConfig("a", 3), new EchoConfig("b", 1));
    assertThat(settings.config(OsInputKind.INSTANCE).enabled()).isFalse();
    assertThat(settings.createInputs()).extracting(Input::name).containsExactly("echo:a", "echo:b");
    assertThat(settings.workers()).isEqualTo(2);
    assertThat(settings.grants()).containsExactly("  echo a: none", "  echo b: none");

    var rendered = new StringBuilder();
    settings.render(rendered);
    InputSettings reread = InputSettings.read(WITH_ECHO, inputs(rendered.toString()), CONTEXT);
    assertThat(reread).isEqualTo(settings);
  }

  @Test
  void kindsReadTheirDefaultsWhenTheirKeyIsAbsent() {
    InputSettings settings = InputSettings.read(WITH_ECHO, inputs("inputs: {}\n"), CONTEXT);

    assertThat(settings.config(OsInputKind.INSTANCE)).isEqualTo(OsInputConfig.defaults());
    assertThat(settings.config(ECHO)).isEmpty();
    assertThat(settings.createInputs()).extracting(Input::name).containsExactly("os");
    assertThat(settings.workers()).isEqualTo(1);
  }

  @Test
  void aKindNotInTheListIsNotKnown() {
    InputSettings settings =
        InputSettings.read(List.of(OsInputKind.INSTANCE), inputs("inputs: {}\n"), CONTEXT);

    assertThatThrownBy(() -> settings.config(ECHO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("echo");
  }

  @Test
  void aBadValueNamesTheKindsKeyPath() {
    assertThatThrownBy(
            () ->
                InputSettings.read(
                    WITH_ECHO, inputs("inputs:\n  echo: [{name: a, copies: 99}]\n"), CONTEXT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("inputs.echo[0].copies");
  }

  @Test
  void everyKindHasItsOwnKeyAndRendersIt() {
    InputSettings defaults = InputSettings.read(inputs("inputs: {}\n"), CONTEXT);
    var rendered = new StringBuilder();
    defaults.render(rendered);

    var keys = new HashSet<String>();
    for (InputKind<?> kind : InputKinds.ALL) {
      assertThat(keys.add(kind.key())).as("key %s used once", kind.key()).isTrue();
      assertThat(rendered.toString()).as(kind.key()).contains("\n  " + kind.key() + ":");
    }
    assertThat(InputSettings.read(inputs(rendered.toString()), CONTEXT)).isEqualTo(defaults);
  }
}
