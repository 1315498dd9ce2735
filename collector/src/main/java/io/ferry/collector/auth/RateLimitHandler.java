package io.ferry.collector.auth;

import io.ferry.collector.config.ApiToken;
import io.ferry.collector.ingest.ApiStyle;
import io.ferry.collector.ingest.ErrorCode;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.collector.ingest.TokenAuthenticator;
import io.ferry.collector.metrics.CollectorMetrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a write request 429 with {@code Retry-After} when its token is over its rate limit,
 * before the body is read; the message names the token's name, never the token. Runs after the
 * {@link TokenAuthenticator}.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

  private final TokenRateLimits limits;
  private final CollectorMetrics metrics;
  private final ApiStyle style;

  public RateLimitHandler(TokenRateLimits limits, CollectorMetrics metrics, ApiStyle style) {
    this.limits = limits;
    this.metrics = metrics;
    this.style = style;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiToken token = ctx.get(TokenAuthenticator.TOKEN);
    var refusal = limits.admit(token);
    if (refusal.isEmpty()) {
      ctx.next();
      return;
    }
    metrics.rateLimited(refusal.get().tokenName(), refusal.get().limit());
    ctx.response().putHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
    ErrorReplies.send(ctx, style, ErrorCode.TOO_MANY_REQUESTS, refusal.get().message());
  }
}
