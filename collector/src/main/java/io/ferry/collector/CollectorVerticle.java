package io.ferry.collector;

import io.ferry.collector.alerting.AlertFeed;
import io.ferry.collector.alerting.AlertRoutes;
import io.ferry.collector.alerting.AlertService;
import io.ferry.collector.alerting.CollectorHost;
import io.ferry.collector.auth.RateLimitHandler;
import io.ferry.collector.auth.TokenRateLimits;
import io.ferry.collector.auth.TokenRegistry;
import io.ferry.collector.auth.TokensFileWatcher;
import io.ferry.collector.cluster.CollectorCluster;
import io.ferry.collector.compare.CompareNotConfiguredHandler;
import io.ferry.collector.compare.ComparisonRunner;
import io.ferry.collector.compare.ComparisonService;
import io.ferry.collector.compare.LatestComparisonHandler;
import io.ferry.collector.compare.LatestReportHtmlHandler;
import io.ferry.collector.compare.StartComparisonHandler;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CompareConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.health.HealthHandler;
import io.ferry.collector.health.LivenessHandler;
import io.ferry.collector.influx.BatchingPointWriter;
import io.ferry.collector.influx.DeadLetterFile;
import io.ferry.collector.influx.InfluxApiDetector;
import io.ferry.collector.influx.InfluxOutageLog;
import io.ferry.collector.influx.InfluxServer;
import io.ferry.collector.influx.InfluxStatus;
import io.ferry.collector.influx.InfluxTargetRule;
import io.ferry.collector.influx.InfluxV1HttpWriter;
import io.ferry.collector.influx.InfluxV2ClientWriter;
import io.ferry.collector.influx.MeteredPointWriter;
import io.ferry.collector.influx.PointWriter;
import io.ferry.collector.ingest.ApiStyle;
import io.ferry.collector.ingest.BodyBytesInFlight;
import io.ferry.collector.ingest.BodyParser;
import io.ferry.collector.ingest.ErrorCode;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.collector.ingest.PingHandler;
import io.ferry.collector.ingest.PresentedToken;
import io.ferry.collector.ingest.PushRefusals;
import io.ferry.collector.ingest.QueryNotServedHandler;
import io.ferry.collector.ingest.RawBodyReader;
import io.ferry.collector.ingest.TokenAuthenticator;
import io.ferry.collector.ingest.WriteHandler;
import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.collector.metrics.MetricsHandler;
import io.ferry.collector.metrics.RequestCounter;
import io.ferry.collector.tls.InfluxTlsOptions;
import io.ferry.collector.tls.ListenTlsOptions;
import io.ferry.collector.web.DashboardRoutes;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector as one deployable: {@link #start()} resolves the InfluxDB API (asking the server
 * when {@code influxdb.api} is {@code auto}), builds the writer chain (batching, metrics, the v1 or
 * v2 writer) and listens. Any failure on the way fails the deployment with a {@link
 * StartupException} whose message says what to fix.
 */
public final class CollectorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorVerticle.class);

  static final String PARSE_POOL = "ferry-ingest-parse";
  static final String COMPARE_START = "/api/v1/compare";
  static final String COMPARE_LATEST = "/api/v1/compare/latest";
  static final String COMPARE_LATEST_HTML = "/compare/latest.html";

  private final CollectorConfig config;
  private final Clock clock;
  private final ComparisonRunner comparisonRunner;
  private final CollectorMetrics metrics = new CollectorMetrics();
  private final InfluxStatus influxStatus = new InfluxStatus();
  private final InfluxOutageLog outage;
  private final TokenRegistry tokens;
  private final TokenRateLimits rateLimits;
  private final PushRefusals pushRefusals = new PushRefusals();

  private WebClient client;
  private WorkerExecutor parseWorkers;
  private WorkerExecutor pageWorkers;
  private BatchingPointWriter writer;
  private HttpServer server;
  private InfluxServer influx;
  private ComparisonService comparison;
  private AlertService alerting;
  private CollectorCluster cluster;
  private TokensFileWatcher tokensFile;

  public CollectorVerticle(CollectorConfig config) {
    this(config, Clock.systemUTC());
  }

  public CollectorVerticle(CollectorConfig config, Clock clock) {
    this(config, clock, ComparisonRunner.standard());
  }

  /**
   * @param comparisonRunner runs the configured cutover comparison (tests hold a run open with it)
   */
  public CollectorVerticle(CollectorConfig config, Clock clock, ComparisonRunner comparisonRunner) {
    this.config = config;
    this.clock = clock;
    this.comparisonRunner = comparisonRunner;
    this.outage = new InfluxOutageLog(clock);
    this.tokens = new TokenRegistry(config.auth().tokens());
    this.rateLimits = new TokenRateLimits(config.auth().rateLimit());
  }

  @Override
  public Future<?> start() {
    InfluxConfig influxConfig = config.influxdb();
    client =
        WebClient.create(
            vertx,
            InfluxTlsOptions.apply(
                influxConfig.tls(),
                new WebClientOptions()
                    .setUserAgent("ferry-collector/" + FerryVersion.get())
                    .setConnectTimeout((int) influxConfig.timeout().toMillis())));
    parseWorkers = vertx.createSharedWorkerExecutor(PARSE_POOL, 2, 60, TimeUnit.SECONDS);
    var pinger =
        new InfluxApiDetector(client, influxConfig.endpoint("/ping"), influxConfig.timeout());
    return startTokensFile()
        .compose(read -> resolveInflux(pinger))
        .map(
            server -> {
              influx = server;
              writer =
                  new BatchingPointWriter(
                      vertx,
                      influxWriter(server.api()),
                      influxConfig.batching(),
                      new DeadLetterFile(
                          vertx, influxConfig.batching().deadLetters(), metrics, clock),
                      config.ingest().maxExpectedWait());
              metrics.registerPendingPoints(writer::pendingPoints);
              metrics.registerExpectedWaitRefused(writer::expectedWaitRefusals);
              metrics.registerWritesInFlight(writer::writesInFlight);
              return server;
            })
        // The comparison writes each verdict to InfluxDB, so it starts once the writer exists.
        .compose(server -> startComparison())
        .compose(started -> startAlerting())
        .compose(started -> startCluster())
        .map(started -> router(pinger))
        .compose(this::listen)
        .onSuccess(
            listening ->
                LOG.info(
                    "Collector listening on {}://{}:{}, writing to {} ({} API{}), body limit {}",
                    config.listen().scheme(),
                    config.listen().host(),
                    listening.actualPort(),
                    influxConfig.url(),
                    influx.api().configName(),
                    influx.version() == null
                        ? ", InfluxDB not reachable yet"
                        : ", InfluxDB " + influx.version(),
                    ConfigUnits.formatBytes(config.ingest().maxBodyBytes())));
  }

  /** The port the server listens on; useful when {@code listen.port} is 0. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Points held waiting for or in a write to InfluxDB (at most influxdb.max_pending_points). */
  public int pendingPoints() {
    return writer == null ? 0 : writer.pendingPoints();
  }

  /** The InfluxDB API in use and the server's version as seen at start-up. */
  public InfluxServer influxServer() {
    return influx;
  }

  /** Reads {@code auth.tokens_file} again now (SIGHUP); false when it did not read. */
  public Future<Boolean> reloadTokens(String reason) {
    return tokensFile == null ? Future.succeededFuture(false) : tokensFile.reload(reason);
  }

  private Future<Void> startTokensFile() {
    if (config.auth().tokensFile().isEmpty()) {
      return Future.succeededFuture();
    }
    tokensFile =
        new TokensFileWatcher(
            vertx, config.auth(), config.auth().tokensFile().get(), tokens, metrics);
    return tokensFile
        .start()
        .recover(e -> Future.failedFuture(new StartupException(e.getMessage(), e)));
  }

  @Override
  public Future<?> stop() {
    if (tokensFile != null) {
      tokensFile.close();
    }
    metrics.close();
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed
        .compose(v -> writer == null ? Future.succeededFuture() : writer.close())
        .eventually(() -> comparison == null ? Future.succeededFuture() : comparison.close())
        .eventually(() -> alerting == null ? Future.succeededFuture() : alerting.close())
        // The lead is given up last, once this collector evaluates and schedules no more.
        .eventually(() -> cluster == null ? Future.succeededFuture() : cluster.close())
        .eventually(() -> parseWorkers.close())
        .eventually(() -> pageWorkers == null ? Future.succeededFuture() : pageWorkers.close())
        .eventually(
            () -> {
              client.close();
              return Future.succeededFuture();
            })
        .onSuccess(stopped -> LOG.info("Collector stopped; pending points were written"))
        .onFailure(e -> LOG.warn("Collector stopped with points unwritten: {}", e.getMessage()));
  }

  private Future<InfluxServer> resolveInflux(InfluxApiDetector pinger) {
    InfluxConfig influxConfig = config.influxdb();
    if (influxConfig.api() == InfluxApi.AUTO) {
      return pinger
          .detect()
          .recover(
              e ->
                  Future.failedFuture(
                      new StartupException(
                          e.getMessage()
                              + "; influxdb.api is auto, so the collector needs InfluxDB to pick"
                              + " its API (set influxdb.api to v1 or v2 to start without it)",
                          e)));
    }
    return pinger
        .ping()
        .map(version -> new InfluxServer(influxConfig.api(), version))
        .recover(
            e -> {
              LOG.warn("{}; starting anyway, health is DEGRADED until it answers", e.getMessage());
              return Future.succeededFuture(new InfluxServer(influxConfig.api(), null));
            });
  }

  private Future<Void> startComparison() {
    if (config.compare().isEmpty()) {
      return Future.succeededFuture();
    }
    comparison =
        new ComparisonService(
            vertx, config.compare().get(), comparisonRunner, clock, metrics.registry(), writer);
    return comparison.start();
  }

  private Future<Void> startAlerting() {
    if (config.cluster().isPresent()) {
      if (!vertx.isClustered()) {
        return Future.failedFuture(
            new StartupException(
                "collector.yml has a cluster: section, but this Vert.x is not clustered (start it"
                    + " with CollectorVertx)",
                null));
      }
      cluster = new CollectorCluster(vertx, config.cluster().get(), clock, metrics.registry());
    }
    if (config.alerts().isEmpty()) {
      return Future.succeededFuture();
    }
    alerting =
        new AlertService(
            vertx,
            config.alerts().get(),
            writer,
            clock,
            CollectorHost.name(),
            influxStatus::reachable,
            pushRefusals::percentRefusedSinceLastLook,
            Optional.ofNullable(cluster).map(c -> c.alerting(config.alerts().get())));
    metrics.registerAlertQueuedPoints(alerting::queuedPoints);
    return alerting.start();
  }

  /** In a cluster, starts waiting for the lead (alert evaluation, scheduled comparisons). */
  private Future<Void> startCluster() {
    if (cluster == null) {
      return Future.succeededFuture();
    }
    return cluster.start(Optional.ofNullable(alerting), Optional.ofNullable(comparison));
  }

  /** The alert service; empty without an {@code alerts:} section. */
  public Optional<AlertService> alerting() {
    return Optional.ofNullable(alerting);
  }

  private PointWriter influxWriter(InfluxApi api) {
    PointWriter direct =
        api == InfluxApi.V1
            ? new InfluxV1HttpWriter(vertx, client, config.influxdb())
            : new InfluxV2ClientWriter(vertx, config.influxdb());
    return new MeteredPointWriter(direct, metrics, influxStatus, clock, outage);
  }

  private Router router(InfluxApiDetector pinger) {
    var parser =
        new BodyParser(parseWorkers, clock, config.ingest(), InfluxTargetRule.forServer(influx));
    int maxBodyBytes = (int) config.ingest().maxBodyBytes();
    var bodiesInFlight = new BodyBytesInFlight(config.ingest().maxBodyBytesInFlight());
    metrics.registerBodyBytesInFlight(bodiesInFlight::bytes);
    var body = BodyHandler.create(false).setBodyLimit(config.ingest().maxBodyBytes());
    Router router = Router.router(vertx);
    router
        .route()
        .handler(
            new RequestCounter(
                metrics,
                Set.of(
                    "/write",
                    "/api/v2/write",
                    "/query",
                    "/ping",
                    "/health",
                    LivenessHandler.PATH,
                    "/metrics",
                    COMPARE_START,
                    COMPARE_LATEST,
                    COMPARE_LATEST_HTML)));
    // Every endpoint is authenticated, /ping included (InfluxDB leaves it open): the version it
    // reveals is nobody's business but the fleet's.
    var pingAuth = new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1);
    // The one unauthenticated path, for load balancers: it says "ok" and nothing else.
    router.get(LivenessHandler.PATH).handler(new LivenessHandler());
    router.get("/ping").handler(pingAuth).handler(new PingHandler(FerryVersion.get()));
    router.head("/ping").handler(pingAuth).handler(new PingHandler(FerryVersion.get()));
    // Authentication sits on a route of its own: Vert.x orders handlers within one route so that
    // a body handler runs first, and an unauthenticated body must not even be read.
    router
        .post("/write")
        .handler(new TokenAuthenticator(tokens, PresentedToken.Forms.V1_WRITE, ApiStyle.V1))
        .handler(new RateLimitHandler(rateLimits, metrics, ApiStyle.V1));
    // Write bodies are read as sent, never as a form whatever their Content-Type, and gzip is
    // decoded by the parser so that a body that does not decode completely is refused whole.
    router
        .post("/write")
        .handler(new RawBodyReader(maxBodyBytes, ApiStyle.V1, bodiesInFlight, metrics))
        .handler(writeHandler(ApiStyle.V1, parser));
    router
        .post("/api/v2/write")
        .handler(new TokenAuthenticator(tokens, PresentedToken.Forms.TOKEN_ONLY, ApiStyle.V2))
        .handler(new RateLimitHandler(rateLimits, metrics, ApiStyle.V2));
    router
        .post("/api/v2/write")
        .handler(new RawBodyReader(maxBodyBytes, ApiStyle.V2, bodiesInFlight, metrics))
        .handler(writeHandler(ApiStyle.V2, parser));
    router
        .route("/query")
        .handler(new TokenAuthenticator(tokens, PresentedToken.Forms.V1_WRITE, ApiStyle.V1))
        .handler(new QueryNotServedHandler(config.influxdb().url().toString()));
    router
        .get("/health")
        .handler(new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1))
        .handler(
            new HealthHandler(
                config.influxdb().url().toString(),
                influx,
                pinger,
                influxStatus,
                writer::pendingPoints,
                Optional.ofNullable(comparison)));
    router
        .get("/metrics")
        .handler(new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1))
        .handler(new MetricsHandler(metrics));
    compareRoutes(router);
    if (cluster != null && alerting != null) {
      cluster.proxyAlertApi(
          router,
          new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1),
          body,
          AlertRoutes.paths(),
          alerting,
          config.listen().host(),
          this::actualPort);
    }
    AlertRoutes.mount(
        router,
        new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1),
        Optional.ofNullable(alerting),
        body);
    pageWorkers =
        DashboardRoutes.mount(
            vertx,
            router,
            client,
            config.influxdb(),
            tokens,
            Optional.ofNullable(alerting),
            Optional.ofNullable(comparison),
            config.compare().flatMap(CompareConfig::reportDir),
            config.pages(),
            clock);
    router.route().failureHandler(this::onFailure);
    return router;
  }

  private WriteHandler writeHandler(ApiStyle style, BodyParser parser) {
    return new WriteHandler(
        style, parser, writer, metrics, outage, alertFeed(), rateLimits, pushRefusals);
  }

  /** Where accepted points go for alerting: the leader in a cluster, else the own engine. */
  private AlertFeed alertFeed() {
    if (cluster != null) {
      return cluster.alertFeed();
    }
    return alerting == null ? AlertFeed.NONE : alerting;
  }

  private void compareRoutes(Router router) {
    var startRoute = router.post(COMPARE_START);
    var latestRoute = router.get(COMPARE_LATEST);
    var htmlRoute = router.get(COMPARE_LATEST_HTML);
    for (var route : List.of(startRoute, latestRoute, htmlRoute)) {
      route.handler(new TokenAuthenticator(tokens, PresentedToken.Forms.WITH_BASIC, ApiStyle.V1));
    }
    if (comparison == null) {
      var notConfigured = new CompareNotConfiguredHandler();
      List.of(startRoute, latestRoute, htmlRoute).forEach(route -> route.handler(notConfigured));
      return;
    }
    startRoute.handler(new StartComparisonHandler(comparison));
    latestRoute.handler(new LatestComparisonHandler(comparison));
    htmlRoute.handler(new LatestReportHtmlHandler(comparison));
  }

  private void onFailure(RoutingContext ctx) {
    ApiStyle style = ctx.request().path().startsWith("/api/v2/") ? ApiStyle.V2 : ApiStyle.V1;
    if (ctx.statusCode() == 413) {
      ErrorReplies.send(
          ctx,
          style,
          ErrorCode.TOO_LARGE,
          "request body is larger than "
              + ConfigUnits.formatBytes(config.ingest().maxBodyBytes())
              + " (ingest.max_body_bytes); nothing was written");
      return;
    }
    if (ctx.failure() != null) {
      LOG.error("Request to {} failed", ctx.request().path(), ctx.failure());
    }
    ErrorReplies.send(
        ctx, style, ErrorCode.INTERNAL, "internal error; the collector's log has the details");
  }

  private Future<HttpServer> listen(Router router) {
    var options =
        ListenTlsOptions.apply(
            config.listen().tls(),
            new HttpServerOptions()
                .setHost(config.listen().host())
                .setPort(config.listen().port())
                // HTTP/1.1 as InfluxDB speaks it: no upgrade to cleartext HTTP/2, which the JDK's
                // HTTP client asks for by default and whose upgraded request sometimes went
                // unanswered.
                .setHttp2ClearTextEnabled(false));
    return vertx
        .createHttpServer(options)
        .requestHandler(router)
        .listen()
        .recover(
            e ->
                Future.failedFuture(
                    new StartupException(
                        "cannot listen on "
                            + config.listen().host()
                            + ":"
                            + config.listen().port()
                            + ": "
                            + e.getMessage(),
                        e)))
        .onSuccess(listening -> server = listening);
  }
}
