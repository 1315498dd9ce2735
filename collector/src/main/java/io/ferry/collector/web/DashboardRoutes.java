package io.ferry.collector.web;

import io.ferry.alerts.dispatch.Matcher;
import io.ferry.alerts.dispatch.Silence;
import io.ferry.collector.alerting.AlertService;
import io.ferry.collector.auth.TokenRegistry;
import io.ferry.collector.compare.ComparisonService;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.PagesConfig;
import io.ferry.collector.ingest.ApiStyle;
import io.ferry.collector.ingest.PresentedToken;
import io.ferry.collector.ingest.TokenAuthenticator;
import io.ferry.dashboards.page.Nav;
import io.ferry.dashboards.page.PageFrame;
import io.ferry.dashboards.page.PageRenderer;
import io.ferry.dashboards.page.Refresh;
import io.ferry.dashboards.page.TimeRange;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ferry's pages on the collector's router: {@code /} (overview), {@code /fleet}, {@code
 * /hosts/:host}, {@code /replication}, {@code /slos}, {@code /alerts} (with silence forms), {@code
 * /cutover}, their charts under {@code /charts/}, and {@code /login}/{@code /logout}. Every page
 * needs a login (or a token per request), carries the security headers, and takes {@code ?range=}
 * and {@code ?refresh=} so that a link shows what its sender saw.
 *
 * <p>InfluxDB is read asynchronously; parsing answers and drawing charts run on the {@value #POOL}
 * worker pool, never on the event loop.
 */
public final class DashboardRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);

  /** The worker pool for parsing query answers and drawing charts. */
  public static final String POOL = "ferry-pages";

  /** Forms are small: 16 KiB. */
  private static final long FORM_LIMIT = 16 * 1024;

  private static final List<String> PAGES =
      List.of(
          "/",
          "/fleet",
          "/hosts/:host",
          "/replication",
          "/slos",
          "/alerts",
          "/alerts/silences",
          "/alerts/silences/expire",
          "/cutover",
          StoredReports.PREFIX + ":file",
          "/charts/:chart",
          "/logout");

  /** What a stored report may load: its inline style and {@code data:} charts, nothing else. */
  static final String REPORT_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final PageRenderer pages = new PageRenderer();
  private final PageData data;
  private final ChartService charts;
  private final Optional<AlertService> alerting;
  private final Optional<Path> reportDir;
  private final Clock clock;
  private final WorkerExecutor workers;
  private final Buffer styleSheet = Buffer.buffer(PageRenderer.styleSheet());

  private DashboardRoutes(
      PageData data,
      ChartService charts,
      Optional<AlertService> alerting,
      Optional<Path> reportDir,
      Clock clock,
      WorkerExecutor workers) {
    this.workers = workers;
    this.reportDir = reportDir;
    this.data = data;
    this.charts = charts;
    this.alerting = alerting;
    this.clock = clock;
  }

  /**
   * Adds the pages to {@code router}.
   *
   * @return the worker pool the pages use, for the caller to close
   */
  public static WorkerExecutor mount(
      Vertx vertx,
      Router router,
      WebClient client,
      InfluxConfig influxConfig,
      TokenRegistry tokens,
      Optional<AlertService> alerting,
      Optional<ComparisonService> comparison,
      Optional<Path> reportDir,
      PagesConfig config,
      Clock clock) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(POOL, 2, 30, TimeUnit.SECONDS);
    var influx = new InfluxQueryClient(client, influxConfig, workers);
    var routes =
        new DashboardRoutes(
            new PageData(influx, alerting, comparison, reportDir, workers, clock),
            new ChartService(influx, workers, clock),
            alerting,
            reportDir,
            clock,
            workers);
    var login =
        new PageLogin(
            new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1),
            routes.pages,
            config.failedLoginsPerMinute(),
            clock);
    var store = LocalSessionStore.create(vertx, "ferry.pages");
    // The cookie is Secure when the request came over TLS (the collector's own, or a proxy's
    // that speaks TLS to it); over plain HTTP a Secure cookie would never come back.
    var plain = sessions(store, config, false);
    var tls = sessions(store, config, true);
    Handler<RoutingContext> sessions = ctx -> (ctx.request().isSSL() ? tls : plain).handle(ctx);
    var forms = BodyHandler.create(false).setBodyLimit(FORM_LIMIT);
    var headers = new SecurityHeaders();

    router.get("/static/ferry.css").handler(headers).handler(routes::styleSheet);
    router.route("/login").handler(sessions).handler(headers);
    router.get("/login").handler(login::form);
    router.post("/login").handler(forms).handler(login::login);
    for (String path : PAGES) {
      router.route(path).handler(sessions).handler(headers).handler(login::require);
    }
    router.post("/logout").handler(forms).handler(login::logout);
    router
        .get("/")
        .handler(
            ctx ->
                routes.page(
                    ctx,
                    "Overview",
                    Nav.OVERVIEW,
                    f ->
                        routes
                            .data
                            .overview(f)
                            .compose(v -> routes.render(() -> routes.pages.overview(f, v)))));
    router
        .get("/fleet")
        .handler(
            ctx ->
                routes.page(
                    ctx,
                    "Fleet",
                    Nav.FLEET,
                    f ->
                        routes
                            .data
                            .fleet()
                            .compose(v -> routes.render(() -> routes.pages.fleet(f, v)))));
    router
        .get("/hosts/:host")
        .handler(
            ctx -> {
              String host = ctx.pathParam("host");
              routes.page(
                  ctx,
                  "Host " + host,
                  null,
                  f ->
                      routes
                          .data
                          .host(f, host)
                          .compose(v -> routes.render(() -> routes.pages.host(f, v))));
            });
    router
        .get("/replication")
        .handler(
            ctx ->
                routes.page(
                    ctx,
                    "Replication",
                    Nav.REPLICATION,
                    f ->
                        routes
                            .data
                            .replication(f)
                            .compose(v -> routes.render(() -> routes.pages.replication(f, v)))));
    router
        .get("/slos")
        .handler(
            ctx ->
                routes.page(
                    ctx,
                    "Service level objectives",
                    Nav.SLOS,
                    f -> routes.render(() -> routes.pages.slos(f, routes.data.slos(f)))));
    router.get("/alerts").handler(ctx -> routes.alertsPage(ctx, 200, routes.notice(ctx), null));
    router.post("/alerts/silences").handler(forms).handler(routes::createSilence);
    router.post("/alerts/silences/expire").handler(forms).handler(routes::expireSilence);
    router
        .get("/cutover")
        .handler(
            ctx ->
                routes.page(
                    ctx,
                    "Cutover",
                    Nav.CUTOVER,
                    f ->
                        routes
                            .data
                            .cutover(f)
                            .compose(v -> routes.render(() -> routes.pages.cutover(f, v)))));
    router.get("/charts/:chart").handler(routes::chart);
    router.get(StoredReports.PREFIX + ":file").handler(routes::storedReport);
    return workers;
  }

  private static SessionHandler sessions(
      LocalSessionStore store, PagesConfig config, boolean secure) {
    return SessionHandler.create(store)
        .setSessionCookieName("ferry_session")
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(secure)
        .setCookieSameSite(CookieSameSite.STRICT)
        .setSessionTimeout(config.sessionIdleTimeout().toMillis());
  }

  /**
   * A comparison report kept in {@code compare.report_dir}, for the cutover page's list. The
   * report's HTML carries its own style and its charts as {@code data:} images, and no script.
   */
  private void storedReport(RoutingContext ctx) {
    Optional<StoredReports.Document> document =
        reportDir.isPresent()
            ? StoredReports.Document.named(ctx.pathParam("file"))
            : Optional.empty();
    if (document.isEmpty()) {
      ctx.response()
          .setStatusCode(404)
          .putHeader("Content-Type", "text/plain")
          .end("no such report\n");
      return;
    }
    Path file = document.get().path(reportDir.get());
    workers
        .executeBlocking(
            () -> Files.isRegularFile(file) ? Buffer.buffer(Files.readAllBytes(file)) : null, false)
        .onSuccess(
            body -> {
              if (body == null) {
                ctx.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "text/plain")
                    .end("no " + ctx.pathParam("file") + " stored yet\n");
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", document.get().format().contentType)
                  .putHeader("Content-Security-Policy", REPORT_CSP)
                  .end(body);
            })
        .onFailure(e -> fail(ctx, e));
  }

  private PageFrame frame(RoutingContext ctx, String title, Nav nav) {
    return new PageFrame(
        title,
        nav,
        ctx.request().path(),
        TimeRange.parse(ctx.request().getParam("range")),
        Refresh.parse(ctx.request().getParam("refresh")),
        ctx.get(TokenAuthenticator.TOKEN_NAME),
        ctx.get(PageLogin.CSRF_FOR_PAGE),
        clock.instant());
  }

  private void page(
      RoutingContext ctx, String title, Nav nav, Function<PageFrame, Future<String>> render) {
    render
        .apply(frame(ctx, title, nav))
        .onSuccess(html -> PageLogin.html(ctx, 200, html))
        .onFailure(e -> fail(ctx, e));
  }

  /** Renders a template on the pages' worker pool: a page of 2,000 hosts is CPU work. */
  private Future<String> render(java.util.concurrent.Callable<String> template) {
    return workers.executeBlocking(template, false);
  }

  private void alertsPage(RoutingContext ctx, int status, String notice, String error) {
    PageFrame frame = frame(ctx, "Alerts", Nav.ALERTS);
    data.alerts(frame.range(), notice, error)
        .compose(view -> render(() -> pages.alerts(frame, view)))
        .onSuccess(html -> PageLogin.html(ctx, status, html))
        .onFailure(e -> fail(ctx, e));
  }

  /** The notice after a form, from a fixed list: a link cannot put text on the page. */
  private String notice(RoutingContext ctx) {
    String done = ctx.request().getParam("done");
    if ("created".equals(done)) {
      return "Silence created.";
    }
    if ("expired".equals(done)) {
      return "Silence expired.";
    }
    return null;
  }

  private void createSilence(RoutingContext ctx) {
    if (!PageLogin.csrfValid(ctx)) {
      alertsPage(
          ctx, 403, null, "The form expired or did not come from this page; log in and try again.");
      return;
    }
    if (alerting.isEmpty()) {
      alertsPage(ctx, 404, null, "Alerting is not configured.");
      return;
    }
    var form = ctx.request();
    try {
      List<Matcher> matchers = new ArrayList<>();
      String text = form.getFormAttribute("matchers");
      for (String line : (text == null ? "" : text).split("\\R")) {
        if (!line.isBlank()) {
          matchers.add(Matcher.parse(line.strip()));
        }
      }
      String durationText = form.getFormAttribute("duration");
      Duration duration =
          ConfigUnits.parseDuration(durationText == null ? "" : durationText.strip())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "duration: expected a duration such as 30m or 2h, got " + durationText));
      String comment = form.getFormAttribute("comment");
      Instant now = clock.instant();
      alerting
          .get()
          .dispatcher()
          .silences()
          .add(
              Silence.create(
                  matchers,
                  now,
                  now.plus(duration),
                  ctx.get(TokenAuthenticator.TOKEN_NAME),
                  comment == null ? "" : comment.strip()));
      ctx.redirect("/alerts?done=created");
    } catch (IllegalArgumentException e) {
      alertsPage(ctx, 400, null, "Silence not created: " + e.getMessage());
    }
  }

  private void expireSilence(RoutingContext ctx) {
    if (!PageLogin.csrfValid(ctx)) {
      alertsPage(
          ctx, 403, null, "The form expired or did not come from this page; log in and try again.");
      return;
    }
    if (alerting.isEmpty()) {
      alertsPage(ctx, 404, null, "Alerting is not configured.");
      return;
    }
    String id = ctx.request().getFormAttribute("id");
    boolean expired =
        id != null
            && alerting.get().dispatcher().silences().expire(id, clock.instant()).isPresent();
    if (expired) {
      ctx.redirect("/alerts?done=expired");
    } else {
      alertsPage(ctx, 404, null, "No silence " + id + ".");
    }
  }

  private void chart(RoutingContext ctx) {
    String name = ctx.pathParam("chart");
    Optional<ChartKind> kind =
        name.endsWith(".png")
            ? ChartKind.fromCode(name.substring(0, name.length() - 4))
            : Optional.empty();
    String subject =
        kind.flatMap(ChartKind::subjectTag).map(tag -> ctx.request().getParam(tag)).orElse(null);
    if (kind.isEmpty()
        || (kind.get().subjectTag().isPresent() && (subject == null || subject.isEmpty()))) {
      ctx.response()
          .setStatusCode(404)
          .putHeader("Content-Type", "text/plain")
          .end("no such chart\n");
      return;
    }
    charts
        .png(kind.get(), TimeRange.parse(ctx.request().getParam("range")), subject)
        .onSuccess(
            png ->
                ctx.response()
                    .putHeader("Content-Type", "image/png")
                    .putHeader(
                        "Cache-Control", "private, max-age=" + ChartService.CACHE_FOR.toSeconds())
                    .end(Buffer.buffer(png)))
        .onFailure(e -> fail(ctx, e));
  }

  private void styleSheet(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/css; charset=utf-8")
        .putHeader("Cache-Control", "max-age=300")
        .end(styleSheet);
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    LOG.warn("Page {} failed: {}", ctx.request().path(), e.getMessage());
    if (!ctx.response().ended()) {
      ctx.response()
          .setStatusCode(503)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("The page could not be drawn: " + e.getMessage() + "\n");
    }
  }
}
