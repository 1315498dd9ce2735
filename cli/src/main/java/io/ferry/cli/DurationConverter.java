package io.ferry.cli;

import io.ferry.yamlconfig.ConfigUnits;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a command-line duration the way the YAML configuration does ({@link
 * ConfigUnits#parseDuration}): {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return ConfigUnits.parseDuration(value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "'" + value + "' is not a duration: write it as 500ms, 5s, 2m or 1h"));
  }
}
