package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretColumnsTest {

  @Test
  void namesThatLookLikeSecretsAreSecretInAnyCase() {
    assertThat(
            new String[] {
              "password",
              "PASSWD",
              "user_pwd",
              "client_secret",
              "api_token",
              "password_hash",
              "Salt",
              "private_key",
              "apiKey",
              "credentials",
              "session_id",
              "cookie",
              "cvv2",
              "iban",
              "ssn",
              "signature"
            })
        .allMatch(SecretColumns::isSecret);
  }

  @Test
  void ordinaryColumnsAreNot() {
    assertThat(new String[] {"id", "email", "total", "customer", "note", "created_at", "qty"})
        .noneMatch(SecretColumns::isSecret);
  }
}
