package io.ferry.mysqlfacts;

import java.util.regex.Pattern;

/**
 * The numeric part of a server version, e.g. {@code 10.11.19} of {@code
 * 10.11.19-MariaDB-0+deb12u1-log}, used to pick statements the server understands.
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

  private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

  /**
   * Reads the leading {@code major.minor.patch} of a {@code VERSION()} string.
   *
   * @throws IllegalArgumentException quoting the text when it does not start with a version
   */
  public static ServerVersion parse(String version) {
    var matcher = LEADING_NUMBERS.matcher(version == null ? "" : version.trim());
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "server version '" + version + "' does not start with major.minor.patch");
    }
    return new ServerVersion(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)));
  }

  /** The version {@code major.minor.patch}. */
  public static ServerVersion of(int major, int minor, int patch) {
    return new ServerVersion(major, minor, patch);
  }

  /** Whether this version is {@code other} or later. */
  public boolean atLeast(ServerVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ServerVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
