package io.ferry.agent.input.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes against real HTTP and HTTPS servers started here on loopback. */
class HttpProbeInputTest {

  private static final String KEYSTORE_PASSWORD = "probe-test";
  private static final String SITE = "site.example";
  private static final Duration HANDSHAKE_HOLD = Duration.ofMillis(300);
  private static final SloBuckets BUCKETS =
      SloBuckets.of(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1));

  @TempDir static Path dir;

  private static Vertx vertx;
  private static HttpServer plain;
  private static HttpServer otherBackend;
  private static HttpServer tls;
  private static final ConcurrentLinkedQueue<String> indicatedServerNames =
      new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void startServers() throws Exception {
    vertx = Vertx.vertx();
    plain =
        await(vertx.createHttpServer().requestHandler(r -> answer(r, "A")).listen(0, "127.0.0.1"));
    otherBackend =
        await(vertx.createHttpServer().requestHandler(r -> answer(r, "B")).listen(0, "127.0.0.1"));
    Path keystore = selfSignedKeystore();
    var tlsOptions =
        new HttpServerOptions()
            .setSsl(true)
            .setSni(true)
            .setKeyCertOptions(
                new PfxOptions().setPath(keystore.toString()).setPassword(KEYSTORE_PASSWORD));
    tls =
        await(
            vertx
                .createHttpServer(tlsOptions)
                .requestHandler(
                    r -> {
                      indicatedServerNames.add(
                          String.valueOf(r.connection().indicatedServerName()));
                      answer(r, "A");
                    })
                .listen(0, "127.0.0.1"));
  }

  @AfterAll
  static void stopServers() throws Exception {
    await(vertx.close());
  }

  /** {@code /ok} answers 200 with the backend's name and the Host it was asked for. */
  private static void answer(HttpServerRequest request, String backend) {
    switch (request.path()) {
      case "/ok" -> request.response().end("backend " + backend + " host " + request.authority());
      case "/same" -> request.response().end("the same page on every backend");
      case "/missing" -> request.response().setStatusCode(404).end("not here");
      case "/hang" -> {
        // Never answers: the probe's timeout must end it.
      }
      default -> request.response().setStatusCode(500).end();
    }
  }

  @Test
  void aGoodProbeRecordsStatusTimingsAndTheBodyHash() throws Exception {
    var config = probe("home", "http://127.0.0.1:" + plain.actualPort() + "/ok");

    CollectingAccumulator collected = probeOnce(config);

    Point result = single(collected, "http_probe");
    assertThat(result.tags()).containsEntry("probe", "home").containsEntry("backend", "test");
    assertThat(result.fields())
        .containsEntry("success", FieldValue.of(true))
        .containsEntry("status", FieldValue.of(200L))
        .containsKeys("connect_seconds", "first_byte_seconds", "total_seconds", "body_sha256")
        .doesNotContainKeys(
            "failure", "error", "cert_expiry_seconds", "dns_seconds", "tls_seconds");
    String expectedBody = "backend A host 127.0.0.1:" + plain.actualPort();
    assertThat(result.fields().get("body_sha256"))
        .isEqualTo(
            FieldValue.of(HttpProber.sha256Prefix(expectedBody.getBytes(StandardCharsets.UTF_8))));
    assertThat(result.fields())
        .containsEntry("body_bytes", FieldValue.of((long) expectedBody.length()));
    assertThat(result.timestamp()).isPresent();
    double connect = seconds(result, "connect_seconds");
    double firstByte = seconds(result, "first_byte_seconds");
    assertThat(connect).isPositive().isLessThanOrEqualTo(firstByte);
    assertThat(firstByte).isLessThanOrEqualTo(seconds(result, "total_seconds"));

    Point histogram = single(collected, HttpProbeInput.DURATION_MEASUREMENT);
    assertThat(histogram.fields()).containsEntry("count", FieldValue.of(1L));
    assertThat(histogram.fields()).containsKeys("le_0.1", "le_0.25", "le_1", "sum");
    assertThat(single(collected, HttpProbeInput.COUNT_MEASUREMENT).fields())
        .containsEntry("total", FieldValue.of(1L))
        .containsEntry("ok", FieldValue.of(1L));
    assertThat(collected.errors()).isEmpty();
  }

  @Test
  void aHostNameIsResolvedAndTimedApartFromConnecting() throws Exception {
    HttpServer named =
        await(vertx.createHttpServer().requestHandler(r -> answer(r, "A")).listen(0, "localhost"));
    try {
      var config =
          with(
              probe("named", "http://localhost:" + named.actualPort() + "/ok"),
              List.of(200),
              Optional.of(new BodyMatch.Contains("host localhost:" + named.actualPort())));

      Point result = single(probeOnce(config), "http_probe");

      assertThat(result.fields()).containsEntry("success", FieldValue.of(true));
      assertThat(seconds(result, "dns_seconds")).isPositive();
      assertThat(seconds(result, "dns_seconds") + seconds(result, "connect_seconds"))
          .isLessThanOrEqualTo(seconds(result, "first_byte_seconds"));
      assertThat(seconds(result, "first_byte_seconds"))
          .isLessThanOrEqualTo(seconds(result, "total_seconds"));
    } finally {
      await(named.close());
    }
  }

  @Test
  void twoBackendsServingTheSamePageHaveTheSameHashAndDifferentPagesDiffer() throws Exception {
    Point a = single(probeOnce(probe("a", url(plain, "/same"))), "http_probe");
    Point b = single(probeOnce(probe("b", url(otherBackend, "/same"))), "http_probe");
    Point differs = single(probeOnce(probe("c", url(otherBackend, "/ok"))), "http_probe");

    assertThat(a.fields().get("body_sha256")).isEqualTo(b.fields().get("body_sha256"));
    assertThat(differs.fields().get("body_sha256")).isNotEqualTo(a.fields().get("body_sha256"));
  }

  @Test
  void anUnexpectedStatusFailsWithTheStatus() throws Exception {
    Point result = single(probeOnce(probe("missing", url(plain, "/missing"))), "http_probe");

    assertThat(result.fields())
        .containsEntry("success", FieldValue.of(false))
        .containsEntry("status", FieldValue.of(404L))
        .containsEntry("failure", FieldValue.of("status"))
        .containsEntry("error", FieldValue.of("status 404, expected one of [200]"));
  }

  @Test
  void anExpectedNon200StatusSucceeds() throws Exception {
    var config = with(probe("gone", url(plain, "/missing")), List.of(200, 404), Optional.empty());

    assertThat(single(probeOnce(config), "http_probe").fields())
        .containsEntry("success", FieldValue.of(true));
  }

  @Test
  void aBodyWithoutTheExpectedTextFailsAndARegexCanMatch() throws Exception {
    var contains =
        with(
            probe("body", url(plain, "/ok")),
            List.of(200),
            Optional.of(new BodyMatch.Contains("backend B")));
    var regex =
        with(
            probe("regex", url(plain, "/ok")),
            List.of(200),
            Optional.of(new BodyMatch.Regex(java.util.regex.Pattern.compile("backend [AB] host"))));

    Point mismatch = single(probeOnce(contains), "http_probe");
    Point match = single(probeOnce(regex), "http_probe");

    assertThat(mismatch.fields())
        .containsEntry("success", FieldValue.of(false))
        .containsEntry("status", FieldValue.of(200L))
        .containsEntry("failure", FieldValue.of("body"))
        .containsEntry("error", FieldValue.of("body does not contains \"backend B\""));
    assertThat(match.fields()).containsEntry("success", FieldValue.of(true));
  }

  @Test
  void aServerThatDoesNotAnswerTimesOutAndCountsAsSlowInTheHistogram() throws Exception {
    var hanging = probe("hang", url(plain, "/hang"));
    var config =
        new HttpProbeConfig(
            hanging.name(),
            hanging.url(),
            "GET",
            List.of(200),
            Optional.empty(),
            Duration.ofMillis(300),
            Duration.ofSeconds(10),
            Optional.empty(),
            Optional.empty(),
            true,
            BUCKETS,
            Map.of());

    CollectingAccumulator collected = probeOnce(config);

    Point result = single(collected, "http_probe");
    assertThat(result.fields())
        .containsEntry("success", FieldValue.of(false))
        .containsEntry("failure", FieldValue.of("timeout"))
        .containsEntry("error", FieldValue.of("no answer within 300 ms"))
        .doesNotContainKeys("status", "first_byte_seconds", "body_sha256");
    assertThat(seconds(result, "total_seconds")).isGreaterThanOrEqualTo(0.3);
    Point histogram = single(collected, HttpProbeInput.DURATION_MEASUREMENT);
    assertThat(histogram.fields())
        .containsEntry("count", FieldValue.of(1L))
        .containsEntry("le_0.1", FieldValue.of(0L))
        .containsEntry("le_0.25", FieldValue.of(0L));
    assertThat(collected.errors()).containsKey("probe " + config.url());
  }

  @Test
  void aRefusedConnectionFailsWithoutLatencies() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    CollectingAccumulator collected =
        probeOnce(probe("down", "http://127.0.0.1:" + closedPort + "/"));

    Point result = single(collected, "http_probe");
    assertThat(result.fields())
        .containsEntry("success", FieldValue.of(false))
        .containsEntry("failure", FieldValue.of("connect"))
        .doesNotContainKeys("status", "connect_seconds", "total_seconds");
    assertThat(single(collected, HttpProbeInput.DURATION_MEASUREMENT).fields())
        .containsEntry("count", FieldValue.of(0L));
    assertThat(single(collected, HttpProbeInput.COUNT_MEASUREMENT).fields())
        .containsEntry("total", FieldValue.of(1L))
        .containsEntry("ok", FieldValue.of(0L));
  }

  @Test
  void aHostHeaderOverrideIsSentToTheServer() throws Exception {
    var base = probe("vhost", url(plain, "/ok"));
    var config =
        new HttpProbeConfig(
            base.name(),
            base.url(),
            "GET",
            List.of(200),
            Optional.of(new BodyMatch.Contains("host shop.example.com")),
            base.timeout(),
            base.interval(),
            Optional.of("shop.example.com"),
            Optional.empty(),
            true,
            BUCKETS,
            Map.of());

    assertThat(single(probeOnce(config), "http_probe").fields())
        .containsEntry("success", FieldValue.of(true));
  }

  @Test
  void anAddressOverrideReachesTheNewBackendUnderTheSitesNameOverTls() throws Exception {
    var config =
        new HttpProbeConfig(
            "new-backend",
            URI.create("https://" + SITE + ":" + tls.actualPort() + "/ok"),
            "GET",
            List.of(200),
            Optional.of(new BodyMatch.Contains("host " + SITE + ":" + tls.actualPort())),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Optional.empty(),
            Optional.of(HostAndPort.create("127.0.0.1", tls.actualPort())),
            false,
            BUCKETS,
            Map.of());
    indicatedServerNames.clear();

    Point result = single(probeOnce(config), "http_probe");

    assertThat(result.fields())
        .containsEntry("success", FieldValue.of(true))
        .containsEntry("status", FieldValue.of(200L));
    assertThat(indicatedServerNames).containsExactly(SITE);
    long expiry = ((FieldValue.IntegerValue) result.fields().get("cert_expiry_seconds")).value();
    assertThat(expiry).isBetween(Duration.ofDays(29).toSeconds(), Duration.ofDays(30).toSeconds());
  }

  @Test
  void anUntrustedCertificateFailsTheTlsHandshakeWhenVerifying() throws Exception {
    var config =
        new HttpProbeConfig(
            "verify",
            URI.create("https://" + SITE + ":" + tls.actualPort() + "/ok"),
            "GET",
            List.of(200),
            Optional.empty(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Optional.empty(),
            Optional.of(HostAndPort.create("127.0.0.1", tls.actualPort())),
            true,
            BUCKETS,
            Map.of());

    CollectingAccumulator collected = probeOnce(config);

    Point result = single(collected, "http_probe");
    assertThat(result.tags()).containsEntry("probe", "verify");
    assertThat(result.fields())
        .containsEntry("success", FieldValue.of(false))
        .containsEntry("failure", FieldValue.of("tls"))
        .containsKey("connect_seconds")
        .doesNotContainKeys("tls_seconds", "first_byte_seconds", "status", "cert_expiry_seconds");
    String error = ((FieldValue.StringValue) result.fields().get("error")).value();
    assertThat(error)
        .startsWith("TLS handshake with " + SITE + ":" + tls.actualPort() + " failed: ")
        .contains("certificate")
        .doesNotContain("\n", "Exception");
    assertThat(collected.errors()).containsOnlyKeys("probe " + config.url());
    assertThat(collected.errors().get("probe " + config.url())).hasMessage(error);
  }

  @Test
  void anHttpsProbeSplitsTheTcpConnectFromTheTlsHandshake() throws Exception {
    Point result = single(probeOnce(tlsProbe("split", tls.actualPort())), "http_probe");

    assertThat(result.fields()).containsEntry("success", FieldValue.of(true));
    double connect = seconds(result, "connect_seconds");
    double handshake = seconds(result, "tls_seconds");
    double firstByte = seconds(result, "first_byte_seconds");
    assertThat(connect).isPositive();
    assertThat(handshake).isPositive();
    assertThat(connect + handshake).isLessThanOrEqualTo(firstByte);
    assertThat(firstByte).isLessThanOrEqualTo(seconds(result, "total_seconds"));
  }

  @Test
  void aSlowTlsHandshakeShowsInTlsSecondsAndNotInConnectSeconds() throws Exception {
    ServerFlightDelayingRelay relay =
        await(ServerFlightDelayingRelay.start(vertx, tls.actualPort()));
    try {
      relay.holdServerFirstBytes(HANDSHAKE_HOLD);

      Point result = single(probeOnce(tlsProbe("slow-tls", relay.port())), "http_probe");

      assertThat(result.fields()).containsEntry("success", FieldValue.of(true));
      double hold = HANDSHAKE_HOLD.toNanos() / 1e9;
      assertThat(seconds(result, "tls_seconds")).isGreaterThanOrEqualTo(hold);
      assertThat(seconds(result, "connect_seconds")).isLessThan(hold);
      assertThat(seconds(result, "first_byte_seconds"))
          .isGreaterThanOrEqualTo(
              seconds(result, "connect_seconds") + seconds(result, "tls_seconds"));
    } finally {
      await(relay.close());
    }
  }

  /**
   * Each probe of one client over the relay: the handshake held on the first connection only shows
   * in the first probe's {@code tls_seconds}, and the second connection makes a full handshake
   * again (the server sends as much as the first time, its certificate included, give or take the
   * length of a signature; a resumed session would be some 400 bytes shorter).
   */
  @Test
  void eachProbeOfOneClientTimesItsOwnFullHandshake() throws Exception {
    ServerFlightDelayingRelay relay =
        await(ServerFlightDelayingRelay.start(vertx, tls.actualPort()));
    var handshakes = new PendingHandshake();
    var client = vertx.createHttpClient(HttpProber.clientOptions(handshakes));
    try {
      var prober =
          new HttpProber(
              client,
              host -> Future.failedFuture("connect_to is set: nothing to resolve"),
              handshakes,
              tlsProbe("one-client", relay.port()),
              Clock.systemUTC());

      relay.holdServerFirstBytes(HANDSHAKE_HOLD);
      ProbeResult slow = onContext(prober::probe);
      relay.holdServerFirstBytes(Duration.ZERO);
      ProbeResult fast = onContext(prober::probe);

      assertThat(slow.success()).isTrue();
      assertThat(fast.success()).isTrue();
      assertThat(slow.tls())
          .hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(HANDSHAKE_HOLD));
      assertThat(fast.tls()).hasValueSatisfying(d -> assertThat(d).isLessThan(HANDSHAKE_HOLD));
      Awaitility.await().until(() -> relay.closedConnections() == 2);
      List<Long> serverBytes = relay.serverBytesPerConnection();
      assertThat(serverBytes).hasSize(2);
      assertThat(serverBytes.get(1)).isCloseTo(serverBytes.get(0), within(32L));
      assertThat(fast.certificateNotAfter()).isPresent();
    } finally {
      await(client.close());
      await(relay.close());
    }
  }

  private static HttpProbeConfig tlsProbe(String name, int port) {
    return new HttpProbeConfig(
        name,
        URI.create("https://" + SITE + ":" + port + "/ok"),
        "GET",
        List.of(200),
        Optional.empty(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Optional.empty(),
        Optional.of(HostAndPort.create("127.0.0.1", port)),
        false,
        BUCKETS,
        Map.of());
  }

  /** Runs a probe on an event loop, as the input does, and waits for its result. */
  private static ProbeResult onContext(Supplier<Future<ProbeResult>> probe) throws Exception {
    Promise<ProbeResult> result = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> probe.get().onComplete(result));
    return await(result.future());
  }

  private static HttpProbeConfig probe(String name, String url) {
    var defaults = HttpProbeConfig.defaults(name, URI.create(url));
    return new HttpProbeConfig(
        name,
        defaults.url(),
        "GET",
        List.of(200),
        Optional.empty(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Optional.empty(),
        Optional.empty(),
        true,
        BUCKETS,
        Map.of("backend", "test"));
  }

  private static HttpProbeConfig with(
      HttpProbeConfig base, List<Integer> statuses, Optional<BodyMatch> body) {
    return new HttpProbeConfig(
        base.name(),
        base.url(),
        base.method(),
        statuses,
        body,
        base.timeout(),
        base.interval(),
        base.hostHeader(),
        base.connectTo(),
        base.tlsVerify(),
        base.buckets(),
        base.tags());
  }

  private static String url(HttpServer server, String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** Starts the input (which probes once before its start completes), collects, stops it. */
  private static CollectingAccumulator probeOnce(HttpProbeConfig config) throws Exception {
    var input = new HttpProbeInput(config);
    try {
      await(input.start(vertx));
      var collected = new CollectingAccumulator();
      input.collect(collected);
      return collected;
    } finally {
      input.close();
    }
  }

  private static Point single(CollectingAccumulator collected, String measurement) {
    List<Point> found =
        collected.points().stream().filter(p -> p.measurement().equals(measurement)).toList();
    assertThat(found).as(measurement).hasSize(1);
    return found.get(0);
  }

  private static double seconds(Point point, String field) {
    return ((FieldValue.FloatValue) point.fields().get(field)).value();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A PKCS#12 key store with a self-signed certificate for {@value #SITE}, valid for 30 days. */
  private static Path selfSignedKeystore() throws Exception {
    Path keystore = dir.resolve("site.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "site",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + SITE,
                "-ext",
                "SAN=dns:" + SITE,
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                KEYSTORE_PASSWORD,
                "-keypass",
                KEYSTORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !Files.exists(keystore)) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    return keystore;
  }
}
