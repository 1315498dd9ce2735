package io.ferry.mysqlfacts;

import java.util.Locale;

/** Which server family answers: the two differ in statements, column names and GTID format. */
public enum Flavor {
  /**
   * MariaDB: {@code SHOW ALL REPLICAS STATUS}, {@code Slave_*} names, {@code domain-server-seq}.
   */
  MARIADB("mariadb"),
  /** Oracle MySQL and its forks: {@code SHOW REPLICA STATUS}, {@code uuid:1-5} GTID sets. */
  MYSQL("mysql");

  private final String tagValue;

  Flavor(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The value of the {@code flavor} tag. */
  public String tagValue() {
    return tagValue;
  }

  /** MariaDB says so in {@code VERSION()}; its {@code @@version_comment} may only name a distro. */
  public static Flavor fromVersion(String version) {
    return version.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
  }
}
