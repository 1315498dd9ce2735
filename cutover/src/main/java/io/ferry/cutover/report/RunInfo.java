package io.ferry.cutover.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What produced a report: Ferry's version and the options the comparison ran with, so that a report
 * read months later says how it was made.
 *
 * @param ferryVersion the version of Ferry that ran the comparison
 * @param options the options, named as the command line spells them, with their values as text (see
 *     {@code ComparisonOptions#describe}); never a secret
 */
public record RunInfo(String ferryVersion, Map<String, String> options) {

  private static final String THIS_VERSION = readVersion();

  public RunInfo {
    Objects.requireNonNull(ferryVersion, "ferryVersion");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** This build of Ferry with the given options. */
  public static RunInfo current(Map<String, String> options) {
    return new RunInfo(THIS_VERSION, options);
  }

  /** The version of this build, as stamped into the jar; {@code unknown} when it is not. */
  public static String thisVersion() {
    return THIS_VERSION;
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = RunInfo.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
