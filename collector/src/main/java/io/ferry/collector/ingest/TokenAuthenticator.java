package io.ferry.collector.ingest;

import io.ferry.collector.auth.TokenRegistry;
import io.ferry.collector.config.ApiToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request through only when it presents one of the tokens in force ({@link TokenRegistry},
 * checked on every request); otherwise answers 401 before the body is read. The matching token is
 * put in the routing context under {@link #TOKEN} and its name under {@link #TOKEN_NAME}; the token
 * itself is never logged.
 */
public final class TokenAuthenticator implements Handler<RoutingContext> {

  /** Routing-context key of the name of the token the request presented. */
  public static final String TOKEN_NAME = "ferry.token.name";

  /** Routing-context key of the {@link ApiToken} the request presented. */
  public static final String TOKEN = "ferry.token";

  private final TokenRegistry registry;
  private final PresentedToken.Forms forms;
  private final ApiStyle style;

  public TokenAuthenticator(TokenRegistry registry, PresentedToken.Forms forms, ApiStyle style) {
    this.registry = registry;
    this.forms = forms;
    this.style = style;
  }

  /** An authenticator of a fixed set of tokens. */
  public TokenAuthenticator(List<ApiToken> tokens, PresentedToken.Forms forms, ApiStyle style) {
    this(new TokenRegistry(tokens), forms, style);
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
    Optional<ApiToken> token = registry.match(presented.get());
    if (token.isEmpty()) {
      ErrorReplies.send(ctx, style, ErrorCode.UNAUTHORIZED, "authorization failed: unknown token");
      return;
    }
    ctx.put(TOKEN, token.get());
    ctx.put(TOKEN_NAME, token.get().name());
    ctx.next();
  }

  /** The name of the token in force equal to {@code presented}. */
  public Optional<String> match(String presented) {
    return registry.match(presented).map(ApiToken::name);
  }
}
