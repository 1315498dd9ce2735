package io.ferry.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.ApiToken;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

  private static final List<ApiToken> FLEET =
      IntStream.range(0, 2_000).mapToObj(i -> new ApiToken("agent-" + i, "secret-" + i)).toList();

  @Test
  void findsEachAgentsOwnTokenAmongThousands() {
    var registry = new TokenRegistry(List.of(new ApiToken("ops", "ops-secret")));
    registry.replaceReloaded(FLEET);

    assertThat(registry.match("secret-0")).map(ApiToken::name).contains("agent-0");
    assertThat(registry.match("secret-1234")).map(ApiToken::name).contains("agent-1234");
    assertThat(registry.match("secret-1999")).map(ApiToken::name).contains("agent-1999");
    assertThat(registry.match("ops-secret")).map(ApiToken::name).contains("ops");
    assertThat(registry.names()).hasSize(2_001).startsWith("ops", "agent-0").endsWith("agent-1999");
  }

  @Test
  void refusesUnknownTokensAndNearMisses() {
    var registry = new TokenRegistry(FLEET);

    assertThat(registry.match("secret-2000")).isEmpty();
    assertThat(registry.match("secret-12")).map(ApiToken::name).contains("agent-12");
    assertThat(registry.match("secret-12 ")).isEmpty();
    assertThat(registry.match("Secret-12")).isEmpty();
    assertThat(registry.match("")).isEmpty();
  }

  @Test
  void aReloadRevokesRemovedTokensAndKeepsTheFixedOnes() {
    var registry = new TokenRegistry(List.of(new ApiToken("ops", "ops-secret")));
    registry.replaceReloaded(FLEET);

    registry.replaceReloaded(List.of(new ApiToken("agent-new", "secret-new")));

    assertThat(registry.match("secret-5")).isEmpty();
    assertThat(registry.match("secret-new")).map(ApiToken::name).contains("agent-new");
    assertThat(registry.match("ops-secret")).map(ApiToken::name).contains("ops");
    assertThat(registry.names()).containsExactly("ops", "agent-new");
  }
}
