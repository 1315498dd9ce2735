package io.ferry.collector.web;

import io.ferry.collector.ingest.PresentedToken;
import io.ferry.collector.ingest.TokenAuthenticator;
import io.ferry.dashboards.page.LoginView;
import io.ferry.dashboards.page.PageRenderer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may see the pages: a person logs in on a form with one of the collector's API tokens and gets
 * a session cookie; a script may instead send the token with each request ({@code Authorization:
 * Bearer}, {@code Token} or Basic with the token as password), as the API accepts. The session
 * holds the token's name, never the token, and a random CSRF token that every form posts back.
 */
final class PageLogin {

  /** Session key of the name of the token the person logged in with. */
  static final String USER = "ferry.user";

  /** Session key of the CSRF token. */
  static final String CSRF = "ferry.csrf";

  /**
   * The cookie that carries the login form's CSRF token (login CSRF), so that no session is kept
   * for someone who only opened the form.
   */
  static final String LOGIN_COOKIE = "ferry_login";

  /** How long a login form may be left open: 1 hour. */
  static final int LOGIN_FORM_SECONDS = 3600;

  /** Routing-context key of the CSRF token for the page being rendered (empty per request). */
  static final String CSRF_FOR_PAGE = "ferry.page.csrf";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Signs login-form tokens; new at every start, so a form from before a restart is refused. */
  private final byte[] formKey = new byte[32];

  private final TokenAuthenticator tokens;
  private final PageRenderer pages;
  private final LoginThrottle throttle;
  private final Clock clock;

  /**
   * @param failedLoginsPerMinute failed logins one client address may make per minute before the
   *     form answers 429
   */
  PageLogin(TokenAuthenticator tokens, PageRenderer pages, int failedLoginsPerMinute, Clock clock) {
    this.tokens = tokens;
    this.pages = pages;
    this.throttle = new LoginThrottle(failedLoginsPerMinute);
    this.clock = clock;
    RANDOM.nextBytes(formKey);
  }

  /**
   * Lets a logged-in person or a request with a valid token through; sends anyone else to the login
   * form (a page) or answers 401 (anything else).
   */
  void require(RoutingContext ctx) {
    Session session = ctx.session();
    String user = session == null ? null : session.get(USER);
    if (user != null) {
      ctx.put(TokenAuthenticator.TOKEN_NAME, user);
      ctx.put(CSRF_FOR_PAGE, session.get(CSRF));
      ctx.next();
      return;
    }
    Optional<String> presented =
        PresentedToken.find(
            ctx.request().getHeader("Authorization"), null, PresentedToken.Forms.WITH_BASIC);
    Optional<String> name = presented.flatMap(tokens::match);
    if (name.isPresent()) {
      ctx.put(TokenAuthenticator.TOKEN_NAME, name.get());
      ctx.put(CSRF_FOR_PAGE, "");
      ctx.next();
      return;
    }
    if (presented.isPresent() || !"GET".equals(ctx.request().method().name())) {
      ctx.response()
          .setStatusCode(401)
          .putHeader("WWW-Authenticate", "Basic realm=\"ferry\"")
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(presented.isPresent() ? "unknown token\n" : "log in first\n");
      return;
    }
    String next = ctx.request().uri();
    ctx.redirect("/login?next=" + io.ferry.dashboards.page.PageFrame.encode(next));
  }

  void form(RoutingContext ctx) {
    loginForm(ctx, 200, safeNext(ctx.request().getParam("next")), null);
  }

  void login(RoutingContext ctx) {
    String next = safeNext(ctx.request().getFormAttribute("next"));
    String address = clientAddress(ctx);
    Instant now = clock.instant();
    Optional<Duration> wait = throttle.waitFor(address, now);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      loginForm(
          ctx,
          429,
          next,
          "Too many failed logins from your address; try again in " + seconds + " s.");
      return;
    }
    // The form must come from this browser's own login page (double submit, signed): a form on
    // another site cannot read the token, and the SameSite=Strict cookie does not travel with its
    // post anyway; the signature keeps a cookie planted by a neighbouring site from being accepted.
    Cookie cookie = ctx.request().getCookie(LOGIN_COOKIE);
    String sent = ctx.request().getFormAttribute("csrf");
    if (cookie == null
        || sent == null
        || !MessageDigest.isEqual(
            cookie.getValue().getBytes(StandardCharsets.UTF_8),
            sent.getBytes(StandardCharsets.UTF_8))
        || !signedByUs(sent)) {
      loginForm(
          ctx, 403, next, "The login form expired or did not come from this page; try again.");
      return;
    }
    String token = ctx.request().getFormAttribute("token");
    Optional<String> name =
        token == null || token.isEmpty() ? Optional.empty() : tokens.match(token);
    if (name.isEmpty()) {
      throttle.failed(address, now);
      loginForm(ctx, 401, next, "Unknown token.");
      return;
    }
    // A new session id at login, so that an id planted before it is worth nothing.
    Session session = ctx.session().regenerateId();
    ctx.response().addCookie(Cookie.cookie(LOGIN_COOKIE, "").setPath("/login").setMaxAge(0));
    session.put(USER, name.get());
    session.put(CSRF, randomToken());
    ctx.redirect(next);
  }

  /** The login form, with a fresh signed CSRF token in the form and in a cookie. */
  private void loginForm(RoutingContext ctx, int status, String next, String error) {
    String nonce = randomToken();
    String csrf = nonce + "." + sign(nonce);
    ctx.response()
        .addCookie(
            Cookie.cookie(LOGIN_COOKIE, csrf)
                .setPath("/login")
                .setMaxAge(LOGIN_FORM_SECONDS)
                .setHttpOnly(true)
                .setSecure(ctx.request().isSSL())
                .setSameSite(CookieSameSite.STRICT));
    html(ctx, status, pages.login(new LoginView(next, error, csrf)));
  }

  private boolean signedByUs(String token) {
    int dot = token.indexOf('.');
    return dot > 0
        && MessageDigest.isEqual(
            sign(token.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
            token.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(formKey, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /**
   * The address failed logins are counted against: the TCP peer. A forwarding header is not
   * trusted, since any client can send one; behind a proxy every client shares the proxy's limit.
   */
  private static String clientAddress(RoutingContext ctx) {
    var remote = ctx.request().connection().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }

  void logout(RoutingContext ctx) {
    if (ctx.session() != null && csrfValid(ctx)) {
      ctx.session().destroy();
    }
    ctx.redirect("/login");
  }

  /** Whether a form carries the session's CSRF token. */
  static boolean csrfValid(RoutingContext ctx) {
    String expected = ctx.get(CSRF_FOR_PAGE);
    if (expected == null) {
      Session session = ctx.session();
      expected = session == null ? null : session.get(CSRF);
    }
    if (expected == null || expected.isEmpty()) {
      // Only a logged-in session can change anything: a browser resends Basic credentials by
      // itself, so a form posted with them could come from any site.
      return false;
    }
    String sent = ctx.request().getFormAttribute("csrf");
    return sent != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** Only a path on this server, so that the login form cannot send anyone elsewhere. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.startsWith("/login")) {
      return "/";
    }
    return next;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void html(RoutingContext ctx, int status, String html) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(html);
  }
}
