package io.ferry.collector.ingest;

import io.ferry.collector.config.ApiToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request through only when it presents one of the configured tokens; otherwise answers 401
 * before the body is read. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, against every configured token, so the time taken reveals neither a
 * token's length nor how much of it matched. The name of the matching token is put in the routing
 * context under {@link #TOKEN_NAME}; the token itself is never logged.
 */
public final class TokenAuthenticator implements Handler<RoutingContext> {

  /** Routing-context key of the name of the token the request presented. */
  public static final String TOKEN_NAME = "ferry.token.name";

  private record Known(String name, byte[] digest) {}

  private final List<Known> known;
  private final PresentedToken.Forms forms;
  private final ApiStyle style;

  public TokenAuthenticator(List<ApiToken> tokens, PresentedToken.Forms forms, ApiStyle style) {
    this.known = tokens.stream().map(t -> new Known(t.name(), digest(t.token()))).toList();
    this.forms = forms;
    this.style = style;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> presented =
        PresentedToken.find(
            ctx.request().getHeader("Authorization"), ctx.request().getParam("p"), forms);
    if (presented.isEmpty()) {
      ErrorReplies.send(ctx, style, ErrorCode.UNAUTHORIZED, "missing authorization token");
      return;
    }
    Optional<String> name = match(presented.get());
    if (name.isEmpty()) {
      ErrorReplies.send(ctx, style, ErrorCode.UNAUTHORIZED, "authorization failed: unknown token");
      return;
    }
    ctx.put(TOKEN_NAME, name.get());
    ctx.next();
  }

  /** The name of the configured token equal to {@code presented}. */
  public Optional<String> match(String presented) {
    byte[] digest = digest(presented);
    String found = null;
    for (Known candidate : known) {
      if (MessageDigest.isEqual(candidate.digest(), digest)) {
        found = candidate.name();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
