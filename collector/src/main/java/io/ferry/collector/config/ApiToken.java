package io.ferry.collector.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One token that agents or other line-protocol producers present to the collector ({@code
 * auth.tokens[]}, or {@code tokens[]} in {@code auth.tokens_file}).
 *
 * @param name who holds the token ({@code name}), e.g. {@code fleet-old}; shown in logs instead of
 *     the token
 * @param token the secret itself ({@code token}, or read from the file named by {@code
 *     token_file}); never logged, and left out of {@link #toString()}
 * @param rateLimit the token's own limit ({@code rate_limit}); empty: {@code auth.rate_limit}
 */
public record ApiToken(String name, String token, Optional<RateLimit> rateLimit) {

  public ApiToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(rateLimit, "rateLimit");
  }

  /** A token under the default rate limit. */
  public ApiToken(String name, String token) {
    this(name, token, Optional.empty());
  }

  @Override
  public String toString() {
    return "ApiToken[name=" + name + ", token=<redacted>, rateLimit=" + rateLimit + "]";
  }
}
