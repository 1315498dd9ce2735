package io.ferry.collector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Ferry this build is, as stamped into the jar by the build. */
public final class FerryVersion {

  private static final String VERSION = read();

  private FerryVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    var properties = new Properties();
    try (InputStream in = FerryVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
