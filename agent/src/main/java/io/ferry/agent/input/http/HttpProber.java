package io.ferry.agent.input.http;

import io.netty.channel.ConnectTimeoutException;
import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Makes one probe of one {@link HttpProbeConfig} on the event loop, over a connection of its own
 * (opened with {@link HttpClientAgent#connect}, so that connecting is timed and the certificate
 * seen), and closes it afterwards. For {@code https} the client's TLS engines are timed by {@link
 * HandshakeTimingEngineOptions}, which splits the TCP connect from the handshake. One probe at a
 * time per prober. The returned future never fails: every failure is a {@link ProbeResult}.
 */
final class HttpProber {

  private static final int HASH_HEX_DIGITS = 16;

  private final HttpClientAgent client;
  private final Function<String, Future<InetAddress>> resolver;
  private final PendingHandshake handshakes;
  private final HttpProbeConfig config;
  private final Clock clock;

  /**
   * @param client a client whose {@code https} connections are made with {@link
   *     HandshakeTimingEngineOptions} over {@code handshakes}
   * @param resolver resolves a host name as the client would (Vert.x's own resolver), so that
   *     resolving can be timed apart from connecting
   * @param handshakes where this prober's client's TLS engines note their handshakes
   */
  HttpProber(
      HttpClientAgent client,
      Function<String, Future<InetAddress>> resolver,
      PendingHandshake handshakes,
      HttpProbeConfig config,
      Clock clock) {
    this.client = client;
    this.resolver = resolver;
    this.handshakes = handshakes;
    this.config = config;
    this.clock = clock;
  }

  /** The client options a prober's client needs: one connection per probe, TLS timed. */
  static HttpClientOptions clientOptions(PendingHandshake handshakes) {
    return new HttpClientOptions()
        .setKeepAlive(false)
        .setSslEngineOptions(new HandshakeTimingEngineOptions(handshakes));
  }

  Future<ProbeResult> probe() {
    var attempt = new Attempt(clock.instant(), System.nanoTime(), handshakes.expect());
    long timeoutMillis = config.timeout().toMillis();
    return server(attempt)
        .compose(server -> client.connect(connectOptions(server)))
        .compose(connection -> request(attempt, connection))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .transform(
            done -> {
              handshakes.ended(attempt.handshake);
              attempt.closeConnection();
              return Future.succeededFuture(
                  done.succeeded() ? done.result() : attempt.failed(done.cause()));
            });
  }

  private Future<ProbeResult> request(Attempt attempt, HttpClientConnection connection) {
    if (!attempt.connected(connection, certificateNotAfter(connection))) {
      return Future.failedFuture("connected after the probe had ended");
    }
    var options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(config.method()))
            .setHost(config.url().getHost())
            .setPort(config.port())
            .setURI(config.pathAndQuery())
            .setIdleTimeout(config.timeout().toMillis())
            .putHeader("User-Agent", "ferry-agent");
    return connection
        .request(options)
        .compose(
            request -> {
              config
                  .hostHeader()
                  .ifPresent(host -> request.authority(HostAndPort.parseAuthority(host, -1)));
              return request.send();
            })
        .compose(
            response -> {
              attempt.headersReceived(response);
              return response.body();
            })
        .map(attempt::bodyReceived);
  }

  /**
   * The address to connect to: {@code connect_to}, else the URL's host resolved here (timed), or
   * empty for an address literal in the URL.
   */
  private Future<Optional<SocketAddress>> server(Attempt attempt) {
    if (config.connectTo().isPresent()) {
      HostAndPort address = config.connectTo().get();
      return Future.succeededFuture(
          Optional.of(SocketAddress.inetSocketAddress(address.port(), address.host())));
    }
    if (!needsResolving()) {
      return Future.succeededFuture(Optional.empty());
    }
    return resolver
        .apply(hostWithoutBrackets())
        .map(
            address -> {
              attempt.resolved();
              return Optional.of(
                  SocketAddress.inetSocketAddress(new InetSocketAddress(address, config.port())));
            });
  }

  private boolean needsResolving() {
    String host = hostWithoutBrackets();
    return config.connectTo().isEmpty()
        && !NetUtil.isValidIpV4Address(host)
        && !NetUtil.isValidIpV6Address(host);
  }

  private String hostWithoutBrackets() {
    String host = config.url().getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private HttpConnectOptions connectOptions(Optional<SocketAddress> server) {
    var options =
        new HttpConnectOptions()
            .setHost(hostWithoutBrackets())
            .setPort(config.port())
            .setSsl(config.https())
            .setConnectTimeout(config.timeout().toMillis());
    server.ifPresent(options::setServer);
    if (config.https()) {
      options.setSslOptions(
          config.tlsVerify()
              ? new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS")
              : new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm(""));
    }
    return options;
  }

  private static Optional<Instant> certificateNotAfter(HttpClientConnection connection) {
    if (!connection.isSsl()) {
      return Optional.empty();
    }
    try {
      List<Certificate> chain = connection.peerCertificates();
      return chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)
          ? Optional.empty()
          : Optional.of(leaf.getNotAfter().toInstant());
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  /**
   * The state of one probe as it goes; touched only on the event loop, except {@link #handshake},
   * which the TLS engine notes into.
   */
  private final class Attempt {
    private final Instant started;
    private final long startNanos;
    private final TlsHandshakeTimes handshake;
    private HttpClientConnection connection;
    private long connectStartNanos;
    private Optional<Duration> dns = Optional.empty();
    private Optional<Duration> connect = Optional.empty();
    private Optional<Duration> tls = Optional.empty();
    private Optional<Instant> notAfter = Optional.empty();
    private Optional<Duration> firstByte = Optional.empty();
    private OptionalInt status = OptionalInt.empty();
    private boolean finished;

    Attempt(Instant started, long startNanos, TlsHandshakeTimes handshake) {
      this.started = started;
      this.startNanos = startNanos;
      this.connectStartNanos = startNanos;
      this.handshake = handshake;
    }

    void resolved() {
      connectStartNanos = System.nanoTime();
      dns = Optional.of(Duration.ofNanos(connectStartNanos - startNanos));
    }

    /** Whether the probe goes on; false when it already ended (timed out while connecting). */
    boolean connected(HttpClientConnection open, Optional<Instant> certificateNotAfter) {
      connection = open;
      if (finished) {
        closeForGood(open);
        return false;
      }
      if (config.https()) {
        connect = tcpConnect();
        tls = handshake.handshake();
      } else {
        connect = Optional.of(since(connectStartNanos));
      }
      notAfter = certificateNotAfter;
      return true;
    }

    /** From the resolved address to the open TCP connection: the start of the TLS handshake. */
    private Optional<Duration> tcpConnect() {
      return handshake.startedAt().map(at -> Duration.ofNanos(at - connectStartNanos));
    }

    void headersReceived(HttpClientResponse response) {
      firstByte = Optional.of(since(startNanos));
      status = OptionalInt.of(response.statusCode());
    }

    ProbeResult bodyReceived(Buffer body) {
      Duration total = since(startNanos);
      byte[] bytes = body.getBytes();
      Optional<ProbeFailure> failure = Optional.empty();
      Optional<String> error = Optional.empty();
      if (!config.expectedStatuses().contains(status.getAsInt())) {
        failure = Optional.of(ProbeFailure.STATUS);
        error =
            Optional.of(
                "status " + status.getAsInt() + ", expected one of " + config.expectedStatuses());
      } else if (config.bodyMatch().isPresent()
          && !config.bodyMatch().get().matches(new String(bytes, StandardCharsets.UTF_8))) {
        failure = Optional.of(ProbeFailure.BODY);
        error = Optional.of("body does not " + config.bodyMatch().get().describe());
      }
      return new ProbeResult(
          started,
          status,
          failure,
          error,
          dns,
          connect,
          tls,
          firstByte,
          Optional.of(total),
          notAfter,
          Optional.of(sha256Prefix(bytes)),
          OptionalInt.of(bytes.length));
    }

    ProbeResult failed(Throwable cause) {
      ProbeFailure failure = classify(cause);
      Optional<Duration> total =
          failure == ProbeFailure.TIMEOUT ? Optional.of(since(startNanos)) : Optional.empty();
      return new ProbeResult(
          started,
          status,
          Optional.of(failure),
          Optional.of(describe(failure, cause)),
          dns,
          connect.isPresent() || !config.https() ? connect : tcpConnect(),
          tls,
          firstByte,
          total,
          notAfter,
          Optional.empty(),
          OptionalInt.empty());
    }

    void closeConnection() {
      finished = true;
      if (connection != null) {
        closeForGood(connection);
      }
    }

    private ProbeFailure classify(Throwable cause) {
      if (hasCause(cause, TimeoutException.class)
          || hasCause(cause, ConnectTimeoutException.class)) {
        return ProbeFailure.TIMEOUT;
      }
      if (needsResolving() && dns.isEmpty()) {
        return ProbeFailure.DNS;
      }
      if (hasCause(cause, SSLException.class)) {
        return ProbeFailure.TLS;
      }
      return connection == null ? ProbeFailure.CONNECT : ProbeFailure.REQUEST;
    }

    private String describe(ProbeFailure failure, Throwable cause) {
      if (failure == ProbeFailure.TIMEOUT) {
        return "no answer within " + config.timeout().toMillis() + " ms";
      }
      if (failure == ProbeFailure.TLS) {
        return "TLS handshake with "
            + hostWithoutBrackets()
            + ":"
            + config.port()
            + " failed: "
            + TlsFailureMessage.explain(cause);
      }
      String message =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
  }

  /**
   * Closes a probe's connection and forgets its TLS session, so that the next probe makes a full
   * handshake again: its {@code tls_seconds} is what a new visitor waits, and the certificate it
   * checks and reports is the one the server serves now, not the one a resumed session remembers.
   */
  private static void closeForGood(HttpClientConnection connection) {
    if (connection.isSsl() && connection.sslSession() != null) {
      connection.sslSession().invalidate();
    }
    connection.close();
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  static String sha256Prefix(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
