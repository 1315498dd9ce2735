package io.ferry.collector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may talk to the collector, and how fast ({@code auth:}).
 *
 * @param tokens the tokens listed in {@code collector.yml} ({@code tokens}), fixed until restart
 * @param rateLimit the limit of every token that sets none of its own ({@code rate_limit}); default
 *     none
 * @param tokensFile a YAML file with more tokens under {@code tokens:} ({@code tokens_file}), read
 *     again whenever it (or a {@code token_file} it names) changes, and on SIGHUP; default none
 * @param reloadInterval how often the tokens file is checked for changes ({@code reload_interval});
 *     default {@value #DEFAULT_RELOAD_SECONDS} s
 */
public record AuthConfig(
    List<ApiToken> tokens,
    RateLimit rateLimit,
    Optional<Path> tokensFile,
    Duration reloadInterval) {

  public static final long DEFAULT_RELOAD_SECONDS = 5;
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(DEFAULT_RELOAD_SECONDS);

  public AuthConfig {
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(tokensFile, "tokensFile");
    Objects.requireNonNull(reloadInterval, "reloadInterval");
  }

  /** Fixed tokens, no rate limit, no tokens file. */
  public AuthConfig(List<ApiToken> tokens) {
    this(tokens, RateLimit.NONE, Optional.empty(), DEFAULT_RELOAD_INTERVAL);
  }
}
