package io.ferry.agent.input.canary;

import io.ferry.agent.input.YamlOut;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.agent.input.histogram.SloBucketsOption;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Reads the {@code inputs.canary} list and renders it for {@code --check-config}. */
public final class CanarySection {

  private CanarySection() {}

  /** The canaries of {@code inputs.canary}, checked; names are unique. */
  public static List<CanaryConfig> read(List<ConfigMapping> entries) {
    List<CanaryConfig> canaries = new ArrayList<>();
    var names = new HashSet<String>();
    for (ConfigMapping entry : entries) {
      String name = entry.requiredString("name");
      if (!names.add(name)) {
        throw entry.problem("name", "\"" + name + "\" is used by another canary");
      }
      canaries.add(
          new CanaryConfig(
              name,
              entry.string("host", CanaryConfig.DEFAULT_HOST),
              entry.integer("port", CanaryConfig.DEFAULT_PORT, 1, 65_535),
              entry.requiredString("user"),
              entry.secret("password").orElse(""),
              entry.string("database", ""),
              entry.requiredString("statement"),
              entry.duration("connect_timeout", CanaryConfig.DEFAULT_CONNECT_TIMEOUT),
              entry.duration("query_timeout", CanaryConfig.DEFAULT_QUERY_TIMEOUT),
              SloBucketsOption.read(entry, "buckets", SloBuckets.DEFAULT),
              entry.stringMap("tags")));
    }
    return List.copyOf(canaries);
  }

  /** The {@code canary:} part of {@code inputs}, indented as in the configuration file. */
  public static void render(List<CanaryConfig> canaries, StringBuilder out) {
    out.append("  canary:").append(canaries.isEmpty() ? " []\n" : "\n");
    for (CanaryConfig canary : canaries) {
      out.append("    - name: ").append(YamlOut.quote(canary.name())).append('\n');
      line(out, "host", YamlOut.quote(canary.host()));
      line(out, "port", Integer.toString(canary.port()));
      line(out, "user", YamlOut.quote(canary.user()));
      line(out, "password", YamlOut.secret(canary.password()));
      line(out, "database", YamlOut.quote(canary.database()));
      line(out, "statement", YamlOut.quote(canary.statement()));
      line(out, "connect_timeout", ConfigUnits.formatDuration(canary.connectTimeout()));
      line(out, "query_timeout", ConfigUnits.formatDuration(canary.queryTimeout()));
      line(out, "buckets", YamlOut.durations(canary.buckets().boundaries()));
      line(out, "tags", YamlOut.map(canary.tags()));
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("      ").append(key).append(": ").append(value).append('\n');
  }
}
