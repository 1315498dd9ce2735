package io.ferry.agent.input.accesslog;

import io.ferry.agent.input.YamlOut;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.agent.input.histogram.SloBucketsOption;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code inputs.access_log} section and renders it for {@code --check-config}. */
public final class AccessLogSection {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private AccessLogSection() {}

  /**
   * The section, checked; log names are unique and usable as file names.
   *
   * @param stateDirectory the agent's state directory, where the offsets files are kept
   */
  public static AccessLogSettings read(ConfigMapping section, Path stateDirectory) {
    List<AccessLogConfig> files = new ArrayList<>();
    var names = new HashSet<String>();
    for (ConfigMapping entry : section.mappingList("files")) {
      String name = entry.requiredString("name");
      if (!NAME.matcher(name).matches()) {
        throw entry.problem("name", "use letters, digits, '.', '_' and '-' only (it names a file)");
      }
      if (!names.add(name)) {
        throw entry.problem("name", "\"" + name + "\" is used by another access log");
      }
      files.add(file(entry, name));
    }
    return new AccessLogSettings(stateDirectory, files);
  }

  private static AccessLogConfig file(ConfigMapping entry, String name) {
    Path path = Path.of(entry.requiredString("path"));
    LogFormat format;
    String formatText = entry.string("format", LogFormat.DEFAULT);
    try {
      format = LogFormat.parse(formatText);
    } catch (IllegalArgumentException e) {
      throw entry.problem("format", e.getMessage());
    }
    Optional<String> vhost = entry.string("vhost").filter(v -> !v.isBlank());
    if (!format.hasHost() && vhost.isEmpty()) {
      throw entry.problem(
          "vhost",
          "is required: the format has no host ($host, $server_name, %v or %V) to tag lines with");
    }
    StartAt startAt =
        entry.parsed(
            "start_at",
            AccessLogConfig.DEFAULT_START_AT,
            "end or beginning",
            text -> {
              try {
                return Optional.of(StartAt.valueOf(text.trim().toUpperCase(Locale.ROOT)));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
    return new AccessLogConfig(
        name,
        path,
        format,
        vhost,
        startAt,
        entry.duration("poll_interval", AccessLogConfig.DEFAULT_POLL_INTERVAL),
        SloBucketsOption.read(entry, "buckets", SloBuckets.DEFAULT),
        entry.stringMap("tags"));
  }

  /** The {@code access_log:} part of {@code inputs}, indented as in the configuration file. */
  public static void render(AccessLogSettings settings, StringBuilder out) {
    out.append("  access_log:\n")
        .append("    files:")
        .append(settings.files().isEmpty() ? " []\n" : "\n");
    for (AccessLogConfig log : settings.files()) {
      out.append("      - name: ").append(YamlOut.quote(log.name())).append('\n');
      line(out, "path", YamlOut.quote(log.path().toString()));
      line(out, "format", YamlOut.quote(log.format().text()));
      line(out, "vhost", YamlOut.quote(log.vhost().orElse("")));
      line(out, "start_at", log.startAt().name().toLowerCase(Locale.ROOT));
      line(out, "poll_interval", ConfigUnits.formatDuration(log.pollInterval()));
      line(out, "buckets", YamlOut.durations(log.buckets().boundaries()));
      line(out, "tags", YamlOut.map(log.tags()));
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("        ").append(key).append(": ").append(value).append('\n');
  }
}
