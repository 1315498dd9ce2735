package io.ferry.collector.config;

import java.util.Objects;

/**
 * One token that agents or other line-protocol producers present to the collector ({@code
 * auth.tokens[]}).
 *
 * @param name who holds the token ({@code name}), e.g. {@code fleet-old}; shown in logs instead of
 *     the token
 * @param token the secret itself ({@code token}, or read from the file named by {@code
 *     token_file}); never logged, and left out of {@link #toString()}
 */
public record ApiToken(String name, String token) {

  public ApiToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "ApiToken[name=" + name + ", token=<redacted>]";
  }
}
