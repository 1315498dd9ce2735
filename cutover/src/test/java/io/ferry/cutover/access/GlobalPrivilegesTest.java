package io.ferry.cutover.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.mysqlfacts.ServerDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code SHOW GRANTS} lines as MariaDB 10.11 and MySQL 8 print them. */
class GlobalPrivilegesTest {

  private static final ServerDialect MARIADB = ServerDialect.parse("10.11.6-MariaDB-0+deb12u1");
  private static final ServerDialect MYSQL = ServerDialect.parse("8.0.36");

  @Test
  void schemaLevelGrantsDoNotCountAndEveryMissingPrivilegeIsNamed() {
    GlobalPrivileges held =
        GlobalPrivileges.parse(
            List.of(
                "GRANT USAGE ON *.* TO `sl`@`%` IDENTIFIED BY PASSWORD '*B69027D44F6E5EDC'",
                "GRANT SELECT, SHOW VIEW ON `app`.* TO `sl`@`%`"));

    assertThat(RequiredPrivilege.missing(held, MARIADB))
        .containsExactly(RequiredPrivilege.values());
  }

  @Test
  void privilegesOfAnEnabledRoleCount() {
    GlobalPrivileges held =
        GlobalPrivileges.parse(
            List.of(
                "GRANT `cmp` TO `ru`@`%`",
                "GRANT USAGE ON *.* TO `ru`@`%` IDENTIFIED BY PASSWORD '*B6'",
                "GRANT SELECT, PROCESS, SHOW VIEW, EVENT, TRIGGER ON *.* TO `cmp`",
                "GRANT SLAVE MONITOR ON *.* TO `cmp`"));

    assertThat(RequiredPrivilege.missing(held, MARIADB)).isEmpty();
  }

  @Test
  void replicaStatusNeedsSlaveMonitorOnMariaDbAndReplicationClientOnMySql() {
    GlobalPrivileges withReplicationClient =
        GlobalPrivileges.parse(
            List.of(
                "GRANT SELECT, PROCESS, REPLICATION CLIENT, SHOW VIEW, EVENT, TRIGGER ON *.* TO"
                    + " `ferry`@`%`"));

    // on MariaDB 10.5+ REPLICATION CLIENT is BINLOG MONITOR, which cannot read replica status
    assertThat(RequiredPrivilege.missing(withReplicationClient, MARIADB))
        .containsExactly(RequiredPrivilege.REPLICA_MONITOR);
    assertThat(RequiredPrivilege.missing(withReplicationClient, MYSQL)).isEmpty();
    assertThat(
            RequiredPrivilege.grantStatement(
                List.of(RequiredPrivilege.REPLICA_MONITOR), MARIADB, "ferry@10.0.%"))
        .isEqualTo("GRANT SLAVE MONITOR ON *.* TO 'ferry'@'10.0.%';");
  }

  @Test
  void allPrivilegesAndSuperCount() {
    assertThat(
            RequiredPrivilege.missing(
                GlobalPrivileges.parse(
                    List.of("GRANT ALL PRIVILEGES ON *.* TO `al`@`%` WITH GRANT OPTION")),
                MARIADB))
        .isEmpty();
    assertThat(
            RequiredPrivilege.missing(
                GlobalPrivileges.parse(
                    List.of("GRANT SELECT, SUPER, PROCESS, SHOW VIEW, EVENT, TRIGGER ON *.* TO x")),
                MARIADB))
        .isEmpty();
  }
}
