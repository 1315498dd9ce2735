package io.ferry.collector.auth;

import io.ferry.collector.config.ApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tokens in force: the fixed ones from {@code collector.yml} plus those of the tokens file,
 * replaced whole on each reload. Every request is matched against the current set, so a token
 * removed from the file is refused from the next request on, also on a kept-alive connection.
 * Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every token,
 * so the time taken reveals neither a token's length nor how much of it matched.
 */
public final class TokenRegistry {

  private record Known(ApiToken token, byte[] digest) {}

  private final List<ApiToken> fixed;
  private volatile List<Known> known;

  public TokenRegistry(List<ApiToken> fixed) {
    this.fixed = List.copyOf(fixed);
    this.known = digests(this.fixed);
  }

  /** Puts {@code reloaded} (the tokens file's tokens) in force next to the fixed tokens. */
  public void replaceReloaded(List<ApiToken> reloaded) {
    List<ApiToken> all = new ArrayList<>(fixed);
    all.addAll(reloaded);
    known = digests(all);
  }

  /** The tokens of {@code collector.yml}, which a reload does not change. */
  public List<ApiToken> fixed() {
    return fixed;
  }

  /** The names of the tokens in force, in order. */
  public List<String> names() {
    return known.stream().map(k -> k.token().name()).toList();
  }

  /** The token in force equal to {@code presented}. */
  public Optional<ApiToken> match(String presented) {
    byte[] digest = digest(presented);
    ApiToken found = null;
    for (Known candidate : known) {
      if (MessageDigest.isEqual(candidate.digest(), digest)) {
        found = candidate.token();
      }
    }
    return Optional.ofNullable(found);
  }

  private static List<Known> digests(List<ApiToken> tokens) {
    return tokens.stream().map(t -> new Known(t, digest(t.token()))).toList();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
