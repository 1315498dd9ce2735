package io.ferry.yamlconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a YAML configuration file into its top-level {@link ConfigMapping}, from which a module's
 * loader maps keys to its own records and then calls {@link ConfigMapping#rejectUnknownKeys()}.
 *
 * <pre>{@code
 * ConfigMapping root = new YamlConfigReader(Environment.system()).read(path);
 * ConfigMapping listen = root.mapping("listen");
 * var config = new ListenConfig(listen.string("host", "127.0.0.1"), listen.integer("port", 8186, 0, 65535));
 * root.rejectUnknownKeys();
 * }</pre>
 */
public final class YamlConfigReader {

  private final Environment environment;
  private final ValueOverrides overrides;

  /** A reader without overrides: values come from the file, with {@code ${NAME}} replaced. */
  public YamlConfigReader(Environment environment) {
    this(environment, ValueOverrides.none());
  }

  /**
   * @param environment where {@code ${NAME}} references in the file are looked up
   * @param overrides values that win over the file
   */
  public YamlConfigReader(Environment environment, ValueOverrides overrides) {
    this.environment = environment;
    this.overrides = overrides;
  }

  /**
   * Reads a configuration file. Errors name the file as given; relative {@code *_file} paths are
   * resolved against the file's folder.
   */
  public ConfigMapping read(Path file) {
    String label = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigException.ofFile(label, "configuration file does not exist");
    } catch (IOException e) {
      throw ConfigException.ofFile(label, "cannot read configuration file: " + e.getMessage());
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(text, label, folder == null ? Path.of("") : folder);
  }

  /**
   * Reads configuration text.
   *
   * @param fileLabel the name errors use for the file
   * @param baseDir the folder relative {@code *_file} paths are resolved against
   */
  public ConfigMapping parse(String yaml, String fileLabel, Path baseDir) {
    var context = new ReadContext(fileLabel, baseDir, new EnvInterpolator(environment), overrides);
    return ConfigMapping.root(context, compose(yaml, fileLabel));
  }

  private static Optional<Node> compose(String yaml, String fileLabel) {
    try {
      return new Compose(LoadSettings.builder().setLabel(fileLabel).build()).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      throw e.getProblemMark()
          .or(e::getContextMark)
          .map(mark -> new Location(fileLabel, OptionalInt.of(mark.getLine() + 1)))
          .orElseGet(() -> Location.of(fileLabel))
          .problem("", "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw ConfigException.ofFile(fileLabel, "not valid YAML: " + e.getMessage());
    }
  }
}
