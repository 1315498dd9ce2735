package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.ingest.PresentedToken.Forms;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PresentedTokenTest {

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tokenAndBearerSchemesAreAcceptedEverywhere() {
    assertThat(PresentedToken.find("Token abc", null, Forms.TOKEN_ONLY)).contains("abc");
    assertThat(PresentedToken.find("Bearer abc", null, Forms.TOKEN_ONLY)).contains("abc");
    assertThat(PresentedToken.find("bearer   abc  ", null, Forms.TOKEN_ONLY)).contains("abc");
  }

  @Test
  void basicAuthCarriesTheTokenAsPasswordWhereAllowed() {
    assertThat(PresentedToken.find(basic("telegraf", "abc"), null, Forms.V1_WRITE)).contains("abc");
    assertThat(PresentedToken.find(basic("u", "a:b"), null, Forms.WITH_BASIC)).contains("a:b");
    assertThat(PresentedToken.find(basic("telegraf", "abc"), null, Forms.TOKEN_ONLY)).isEmpty();
    assertThat(PresentedToken.find(basic("telegraf", ""), null, Forms.V1_WRITE)).isEmpty();
    assertThat(PresentedToken.find("Basic !!notbase64", null, Forms.V1_WRITE)).isEmpty();
  }

  @Test
  void thePasswordParameterCountsOnlyForV1WritesWithoutAHeader() {
    assertThat(PresentedToken.find(null, "abc", Forms.V1_WRITE)).contains("abc");
    assertThat(PresentedToken.find(null, "abc", Forms.WITH_BASIC)).isEmpty();
    assertThat(PresentedToken.find("Token header", "param", Forms.V1_WRITE)).contains("header");
  }

  @Test
  void nothingOrAnUnknownSchemeIsNoToken() {
    assertThat(PresentedToken.find(null, null, Forms.V1_WRITE)).isEmpty();
    assertThat(PresentedToken.find("Token ", null, Forms.V1_WRITE)).isEmpty();
    assertThat(PresentedToken.find("Digest abc", null, Forms.V1_WRITE)).isEmpty();
    assertThat(PresentedToken.find("abc", null, Forms.V1_WRITE)).isEmpty();
  }
}
