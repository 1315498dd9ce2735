package io.ferry.agent.input.os;

import io.ferry.agent.input.YamlOut;
import io.ferry.yamlconfig.ConfigMapping;

/** Reads the {@code inputs.os} section and renders it for {@code --check-config}. */
public final class OsSection {

  private OsSection() {}

  /** The {@code inputs.os} section, every option defaulted. */
  public static OsInputConfig read(ConfigMapping section) {
    return new OsInputConfig(
        section.bool("enabled", OsInputConfig.DEFAULT_ENABLED),
        section.bool("per_cpu", OsInputConfig.DEFAULT_PER_CPU),
        section.stringList("fs_exclude_types", OsInputConfig.DEFAULT_FS_EXCLUDE_TYPES),
        section.bool("net_include_loopback", OsInputConfig.DEFAULT_NET_INCLUDE_LOOPBACK));
  }

  /** The {@code os:} part of {@code inputs}, indented as in the configuration file. */
  public static void render(OsInputConfig os, StringBuilder out) {
    out.append("  os:\n");
    line(out, "enabled", Boolean.toString(os.enabled()));
    line(out, "per_cpu", Boolean.toString(os.perCpu()));
    line(out, "fs_exclude_types", YamlOut.list(os.fsExcludeTypes()));
    line(out, "net_include_loopback", Boolean.toString(os.netIncludeLoopback()));
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("    ").append(key).append(": ").append(value).append('\n');
  }
}
