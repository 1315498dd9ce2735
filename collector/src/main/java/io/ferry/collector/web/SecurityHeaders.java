package io.ferry.collector.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every page and chart carries: a Content-Security-Policy that allows only the
 * collector's own style sheet and images (no script at all, no framing, forms post only here),
 * {@code nosniff}, {@code DENY} framing for browsers without CSP, no referrer leaving the site, and
 * no caching of pages that show live state.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cache-Control", "no-store");
    ctx.next();
  }
}
