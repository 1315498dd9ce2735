package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlRedactionTest {

  @Test
  void hidesPasswordOfCreateUser() {
    assertThat(SqlRedaction.redact("CREATE USER 'a'@'127.0.0.1' IDENTIFIED BY 's3cr''et'"))
        .isEqualTo("CREATE USER 'a'@'127.0.0.1' IDENTIFIED BY '***'");
  }

  @Test
  void hidesMasterPasswordButKeepsTheRest() {
    assertThat(
            SqlRedaction.redact(
                "CHANGE MASTER TO MASTER_USER = 'r', master_password='p\\'w', MASTER_PORT = 1"))
        .isEqualTo("CHANGE MASTER TO MASTER_USER = 'r', master_password='***', MASTER_PORT = 1");
  }

  @Test
  void hidesPasswordFunctionArgument() {
    assertThat(SqlRedaction.redact("SET PASSWORD FOR 'a'@'%' = PASSWORD('pw')"))
        .isEqualTo("SET PASSWORD FOR 'a'@'%' = PASSWORD('***')");
  }

  @Test
  void leavesSqlWithoutSecretsAlone() {
    assertThat(SqlRedaction.redact("INSERT INTO t VALUES ('IDENTIFIED')"))
        .isEqualTo("INSERT INTO t VALUES ('IDENTIFIED')");
  }
}
