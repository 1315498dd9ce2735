package io.ferry.agent.input;

import io.ferry.yamlconfig.ConfigMapping;
import java.util.List;

/**
 * One kind of input (the operating system, MySQL servers, HTTP probes, ...): everything the agent
 * needs to know about it outside the input's own package. {@link InputKinds#ALL} lists the kinds;
 * loading, creation, worker sizing and {@code --check-config} go through that list, so adding an
 * input means writing its package and adding its kind there.
 *
 * @param <C> the kind's configuration: the typed, defaulted content of its key under {@code
 *     inputs:} (a record, or a list of records for a kind configured as a list)
 */
public interface InputKind<C> {

  /** The kind's key under {@code inputs:} in the configuration file, e.g. {@code mysql}. */
  String key();

  /**
   * Reads and checks the kind's section: {@code inputs.mapping(key())} or {@code
   * inputs.mappingList(key())}, with every option defaulted.
   *
   * @param inputs the {@code inputs} mapping of the configuration file
   * @throws io.ferry.yamlconfig.ConfigException naming the file, line and key path of a bad value
   */
  C read(ConfigMapping inputs, InputContext context);

  /**
   * Appends the kind's section to the effective configuration ({@code --check-config}): YAML
   * indented as under {@code inputs:}, every default written out, secrets masked, reading back to
   * the same configuration.
   */
  void render(C config, StringBuilder out);

  /** The inputs the configuration asks for, in the order their points are collected. */
  List<Input> create(C config);

  /**
   * How many worker threads these inputs may occupy at the same time: one per input that collects
   * on the worker pool (a runner never runs its input twice at once).
   */
  int workers(C config);

  /**
   * What an administrator must grant these inputs on MySQL servers, as comment lines for {@code
   * --check-config} (without the leading {@code #}, indented by two spaces per level); empty when
   * the kind needs no grants.
   */
  default List<String> grants(C config) {
    return List.of();
  }
}
