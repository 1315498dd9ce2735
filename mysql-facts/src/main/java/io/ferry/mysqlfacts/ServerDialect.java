package io.ferry.mysqlfacts;

import java.util.Objects;

/**
 * Which server answers and which version: what decides the statements and column names it
 * understands.
 *
 * @param flavor MariaDB, or MySQL and its forks
 * @param version the numeric version, e.g. {@code 10.11.6}
 */
public record ServerDialect(Flavor flavor, ServerVersion version) {

  public ServerDialect {
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Reads the value of {@code VERSION()} / {@code @@version}: {@code 10.11.6-MariaDB-0+deb12u1} for
   * MariaDB, {@code 8.0.36} or {@code 8.4.0-commercial} for MySQL.
   *
   * @throws IllegalArgumentException quoting the text when it does not start with a version
   */
  public static ServerDialect parse(String versionText) {
    ServerVersion version = ServerVersion.parse(versionText);
    return new ServerDialect(Flavor.fromVersion(versionText), version);
  }

  /** Whether the server is MariaDB. */
  public boolean mariaDb() {
    return flavor == Flavor.MARIADB;
  }

  /** Whether the server is of this flavor at {@code since} or later. */
  public boolean is(Flavor wanted, ServerVersion since) {
    return flavor == wanted && version.atLeast(since);
  }

  /** Whether the version is at least {@code major.minor}, whatever the flavor. */
  public boolean atLeast(int major, int minor) {
    return version.atLeast(ServerVersion.of(major, minor, 0));
  }

  @Override
  public String toString() {
    return flavor.tagValue() + " " + version;
  }
}
