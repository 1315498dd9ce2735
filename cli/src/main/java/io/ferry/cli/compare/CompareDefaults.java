package io.ferry.cli.compare;

import io.ferry.cutover.ComparisonOptions;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code ferry compare}'s comparison options, taken from {@link
 * ComparisonOptions#defaults()}: one definition per option, shared by the command line, the YAML
 * {@code compare:} section and the library.
 */
public final class CompareDefaults implements IDefaultValueProvider {

  /** The options whose default comes from the library, by their long name without dashes. */
  private static final Set<String> FROM_LIBRARY =
      Set.of(
          "phase",
          "max-lag",
          "max-load",
          "chunk-time",
          "chunk-size-min",
          "chunk-size-max",
          "chunk-parallelism",
          "gtid-wait-timeout",
          "heartbeat-table");

  private static final Map<String, String> DEFAULTS = ComparisonOptions.defaults().describe();

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      String name = option.longestName().replaceFirst("^--", "");
      return FROM_LIBRARY.contains(name) ? DEFAULTS.get(name) : null;
    }
    return null;
  }
}
