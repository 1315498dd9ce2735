package io.ferry.cutover.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's flavor and version, as {@code SELECT @@version} reports it: {@code
 * 10.11.6-MariaDB-0+deb12u1} for MariaDB, {@code 8.0.36} or {@code 8.4.0-commercial} for MySQL.
 *
 * @param mariaDb whether the server is MariaDB (otherwise MySQL or a MySQL fork)
 * @param major major version, e.g. 10
 * @param minor minor version, e.g. 11
 */
public record ServerVersion(boolean mariaDb, int major, int minor) {

  private static final Pattern LEADING_VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  /**
   * Reads the value of {@code @@version}.
   *
   * @throws IllegalArgumentException quoting the text when it does not start with a version
   */
  public static ServerVersion parse(String version) {
    Matcher matcher = LEADING_VERSION.matcher(version == null ? "" : version.strip());
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "server version '" + version + "' does not start with major.minor");
    }
    return new ServerVersion(
        version.toLowerCase(Locale.ROOT).contains("mariadb"),
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)));
  }

  /** Whether the server is at least {@code major.minor}. */
  public boolean atLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }
}
