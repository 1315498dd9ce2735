package io.ferry.alerts.notify;

import io.ferry.yamlconfig.ConfigMapping;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How an HTTP receiver authenticates: not at all, with a bearer token, or with basic auth. Read
 * from the keys {@code token} (or {@code token_file}), {@code username} and {@code password} (or
 * {@code password_file}); a token and a user name together are an error.
 *
 * @param token sent as {@code Authorization: Bearer <token>}; null for none
 * @param username user for basic auth; null for none
 * @param password password for basic auth; null with a user name means an empty password
 */
public record HttpAuth(Secret token, String username, Secret password) {

  /** No authentication. */
  public static final HttpAuth NONE = new HttpAuth(null, null, null);

  public HttpAuth {
    if (token != null && username != null) {
      throw new IllegalArgumentException("use either a bearer token or basic auth, not both");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("a password needs a user name");
    }
  }

  /**
   * Reads {@code token}/{@code token_file}, {@code username}, {@code password}/{@code
   * password_file}.
   */
  public static HttpAuth read(ConfigMapping section) {
    Optional<Secret> token = section.secret("token").map(Secret::of);
    Optional<String> username = section.string("username");
    Optional<Secret> password = section.secret("password").map(Secret::of);
    if (token.isPresent() && username.isPresent()) {
      throw section.problem("username", "set either token (bearer) or username (basic), not both");
    }
    if (password.isPresent() && username.isEmpty()) {
      throw section.problem("username", "is required when a password is set");
    }
    if (token.isPresent() && token.get().reveal().isBlank()) {
      throw section.problem("token", "must not be empty");
    }
    return new HttpAuth(token.orElse(null), username.orElse(null), password.orElse(null));
  }

  /** Reads basic auth only: {@code username} and {@code password}/{@code password_file}. */
  public static HttpAuth readBasic(ConfigMapping section) {
    Optional<String> username = section.string("username");
    Optional<Secret> password = section.secret("password").map(Secret::of);
    if (password.isPresent() && username.isEmpty()) {
      throw section.problem("username", "is required when a password is set");
    }
    return new HttpAuth(null, username.orElse(null), password.orElse(null));
  }

  /** The value of the {@code Authorization} header, if any. */
  public Optional<String> header() {
    if (token != null) {
      return Optional.of("Bearer " + token.reveal());
    }
    if (username != null) {
      String pair = username + ":" + (password == null ? "" : password.reveal());
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return Optional.empty();
  }
}
