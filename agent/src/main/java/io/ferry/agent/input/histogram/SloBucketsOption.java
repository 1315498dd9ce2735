package io.ferry.agent.input.histogram;

import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a {@code buckets:} option, a list of durations such as {@code [50ms, 300ms, 1s]}. */
public final class SloBucketsOption {

  private SloBucketsOption() {}

  /**
   * The boundaries under {@code key}, or {@code defaults} when absent.
   *
   * @throws io.ferry.yamlconfig.ConfigException naming the key when an item is not a positive
   *     duration, or there are none or too many
   */
  public static SloBuckets read(ConfigMapping section, String key, SloBuckets defaults) {
    if (!section.has(key)) {
      return defaults;
    }
    List<Duration> boundaries = new ArrayList<>();
    for (String item : section.stringList(key, List.of())) {
      Optional<Duration> boundary =
          ConfigUnits.parseDuration(item.trim()).filter(d -> !d.isZero() && !d.isNegative());
      if (boundary.isEmpty()) {
        throw section.problem(
            key, "\"" + item + "\" is not a positive duration such as 50ms, 300ms or 1s");
      }
      boundaries.add(boundary.get());
    }
    try {
      return new SloBuckets(boundaries);
    } catch (IllegalArgumentException e) {
      throw section.problem(key, e.getMessage());
    }
  }
}
