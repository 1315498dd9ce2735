package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.ApiToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

  private final TokenAuthenticator authenticator =
      new TokenAuthenticator(
          List.of(new ApiToken("fleet-old", "old-secret"), new ApiToken("telegraf", "tg-secret")),
          PresentedToken.Forms.TOKEN_ONLY,
          ApiStyle.V2);

  @Test
  void aKnownTokenIsMatchedToItsName() {
    assertThat(authenticator.match("old-secret")).contains("fleet-old");
    assertThat(authenticator.match("tg-secret")).contains("telegraf");
  }

  @Test
  void prefixesExtensionsAndStrangersDoNotMatch() {
    assertThat(authenticator.match("old-secre")).isEmpty();
    assertThat(authenticator.match("old-secret2")).isEmpty();
    assertThat(authenticator.match("")).isEmpty();
  }
}
