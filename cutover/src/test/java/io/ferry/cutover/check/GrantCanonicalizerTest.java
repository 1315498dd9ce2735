package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantCanonicalizerTest {

  @Test
  void quotingAndPrivilegeOrderDoNotMatter() {
    assertThat(GrantCanonicalizer.canonical("GRANT SELECT, INSERT ON `shop`.* TO `app`@`%`"))
        .isEqualTo(GrantCanonicalizer.canonical("GRANT insert,select ON shop.* TO 'app'@'%'"))
        .isEqualTo("GRANT INSERT, SELECT ON shop.* TO app@%");
  }

  @Test
  void columnPrivilegesKeepTheirColumnsSorted() {
    assertThat(
            GrantCanonicalizer.canonical(
                "GRANT UPDATE (`b`, `a`), SELECT (`c`) ON `shop`.`t` TO `app`@`10.%`"))
        .isEqualTo("GRANT SELECT (c), UPDATE (a, b) ON shop.t TO app@10.%");
  }

  @Test
  void passwordHashIsCutOutAndKeptApartForComparison() {
    String line =
        "GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD"
            + " '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9' WITH MAX_USER_CONNECTIONS 5";

    assertThat(GrantCanonicalizer.canonical(line))
        .isEqualTo("GRANT USAGE ON *.* TO app@% WITH MAX_USER_CONNECTIONS 5")
        .doesNotContain("6BB4");
    assertThat(GrantCanonicalizer.authentication(line))
        .isEqualTo("IDENTIFIED BY PASSWORD '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9'");
  }

  @Test
  void mariaDbPluginClauseIsCutBeforeGrantOption() {
    String line =
        "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` IDENTIFIED VIA mysql_native_password"
            + " USING 'invalid' OR unix_socket WITH GRANT OPTION";

    assertThat(GrantCanonicalizer.canonical(line))
        .isEqualTo("GRANT ALL PRIVILEGES ON *.* TO root@localhost WITH GRANT OPTION");
    assertThat(GrantCanonicalizer.authentication(line)).startsWith("IDENTIFIED VIA");
  }

  @Test
  void roleGrantsPassThroughNormalised() {
    assertThat(GrantCanonicalizer.canonical("GRANT `reader`  TO `app`@`%`"))
        .isEqualTo("GRANT reader TO app@%");
  }
}
