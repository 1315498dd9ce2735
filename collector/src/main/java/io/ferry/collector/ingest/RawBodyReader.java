package io.ferry.collector.ingest;

import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a write request's body exactly as sent, whatever its {@code Content-Type}: as InfluxDB
 * does, a body labelled {@code application/x-www-form-urlencoded} (what {@code curl --data-binary}
 * sends) or {@code multipart/form-data} is line protocol like any other, never decoded as a form.
 * Gzip is decoded later, by {@link BodyParser}, so that a body that does not decode completely is
 * refused whole.
 *
 * <p>A body larger than the limit (by its {@code Content-Length}, or once that many bytes have
 * arrived) is answered 413 at once; the rest of it is read and dropped. Bodies are held within
 * {@code ingest.max_body_bytes_in_flight} ({@link BodyBytesInFlight}): a body is counted from its
 * {@code Content-Length} before any of it is read (or chunk by chunk when it has none) until {@link
 * #parsed} gives it back; one that would pass the bound is answered 503 with {@code Retry-After},
 * its bytes read and dropped, and nothing of it is stored. A body of which nothing arrives for
 * {@link #BODY_IDLE_TIMEOUT} is answered 408 and its connection closed, so that a stalled client
 * does not keep its share of the bound.
 */
public final class RawBodyReader implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(RawBodyReader.class);

  /** The routing-context key under which the body ({@link Buffer}) is left for the next handler. */
  public static final String RAW_BODY = "ferry.rawBody";

  private static final String HELD = "ferry.rawBodyHeld";

  /**
   * How long a body may go without a byte arriving before it is given up (408, connection closed):
   * long enough for any client that is still sending, short enough that a stalled one does not hold
   * its share of {@code ingest.max_body_bytes_in_flight} for long.
   */
  public static final Duration BODY_IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final int maxBytes;
  private final ApiStyle style;
  private final BodyBytesInFlight inFlight;
  private final CollectorMetrics metrics;
  private final Duration idleTimeout;

  /**
   * @param maxBytes the largest body accepted, in bytes as sent
   * @param inFlight the bytes of all bodies being received and parsed, and their bound
   * @param metrics counts the requests refused because of that bound
   */
  public RawBodyReader(
      int maxBytes, ApiStyle style, BodyBytesInFlight inFlight, CollectorMetrics metrics) {
    this(maxBytes, style, inFlight, metrics, BODY_IDLE_TIMEOUT);
  }

  /**
   * @param idleTimeout how long a body may go without a byte arriving ({@link #BODY_IDLE_TIMEOUT}
   *     but in tests)
   */
  RawBodyReader(
      int maxBytes,
      ApiStyle style,
      BodyBytesInFlight inFlight,
      CollectorMetrics metrics,
      Duration idleTimeout) {
    this.maxBytes = maxBytes;
    this.style = style;
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.idleTimeout = idleTimeout;
  }

  /**
   * The body left under {@link #RAW_BODY} was parsed: forgets it and gives its bytes back to the
   * bound. Safe to call more than once; also happens when the response ends or the connection
   * closes.
   */
  public static void parsed(RoutingContext ctx) {
    ctx.remove(RAW_BODY);
    Held held = ctx.get(HELD);
    if (held != null) {
      held.giveBack();
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long declared = declaredLength(request);
    if (declared > maxBytes) {
      refuseTooLarge(ctx);
      dropTheRest(request);
      return;
    }
    if (request.isEnded()) {
      ctx.fail(new IllegalStateException("the request body was read before " + getClass()));
      return;
    }
    var held = new Held();
    ctx.put(HELD, held);
    ctx.addEndHandler(ended -> held.giveBack());
    if (declared > 0 && !held.take(declared)) {
      refuseBusy(ctx, declared);
      dropTheRest(request);
      return;
    }
    var reading = new Reading(ctx, held, declared);
    request.handler(reading::chunk);
    request.endHandler(reading::end);
    reading.watchForStall();
    // A client that goes away mid-body is an expected condition: no answer can reach it, and no
    // stack trace belongs in the log.
    request.exceptionHandler(
        e ->
            LOG.debug(
                "Write body from {} not read to its end: {}",
                request.remoteAddress(),
                e.toString()));
    request.resume();
  }

  private static long declaredLength(HttpServerRequest request) {
    String header = request.getHeader("Content-Length");
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Reads and drops what is left of the body, so that the connection stays usable. */
  private static void dropTheRest(HttpServerRequest request) {
    if (!request.isEnded()) {
      request.handler(dropped -> {});
      request.endHandler(ended -> {});
      request.resume();
    }
  }

  private void refuseTooLarge(RoutingContext ctx) {
    ErrorReplies.send(
        ctx,
        style,
        ErrorCode.TOO_LARGE,
        "request body is larger than "
            + ConfigUnits.formatBytes(maxBytes)
            + " (ingest.max_body_bytes); nothing was written");
  }

  private void refuseBusy(RoutingContext ctx, long bodyBytes) {
    metrics.bodyBytesInFlightRefused();
    ErrorReplies.send(
        ctx,
        style,
        ErrorCode.UNAVAILABLE,
        "the collector is receiving "
            + inFlight.bytes()
            + " bytes of other write bodies, and this body's "
            + bodyBytes
            + " would pass ingest.max_body_bytes_in_flight ("
            + ConfigUnits.formatBytes(inFlight.limit())
            + "); nothing was written, retry later");
  }

  /** The bytes one request holds of the bound; given back once, however often asked. */
  private final class Held {
    private long bytes;
    private boolean givenBack;

    boolean take(long count) {
      if (givenBack || !inFlight.tryTake(count)) {
        return false;
      }
      bytes += count;
      return true;
    }

    void giveBack() {
      if (!givenBack) {
        givenBack = true;
        inFlight.giveBack(bytes);
        bytes = 0;
      }
    }
  }

  /** One body being read; runs on the request's event loop. */
  private final class Reading {
    private final RoutingContext ctx;
    private final Held held;
    private final boolean takeAsItArrives;
    private Buffer body;
    private long lastChunkNanos = System.nanoTime();
    private boolean ended;

    /**
     * @param declaredLength the {@code Content-Length} (at most the limit), or -1 for a body
     *     without one, whose bytes are taken from the bound chunk by chunk
     */
    Reading(RoutingContext ctx, Held held, long declaredLength) {
      this.ctx = ctx;
      this.held = held;
      this.takeAsItArrives = declaredLength < 0;
      // sized once, so that the body is not copied each time it outgrows its buffer
      this.body = declaredLength > 0 ? Buffer.buffer((int) declaredLength) : Buffer.buffer();
    }

    /** Checks every {@code idleTimeout} that bytes still arrive; gives the body up when not. */
    void watchForStall() {
      ctx.vertx().setTimer(idleTimeout.toMillis(), id -> checkForStall());
    }

    private void checkForStall() {
      if (ended || body == null || ctx.response().closed() || ctx.response().ended()) {
        // read, refused, or the client went away (which gave its share back)
        return;
      }
      long idleNanos = System.nanoTime() - lastChunkNanos;
      if (idleNanos < idleTimeout.toNanos()) {
        ctx.vertx()
            .setTimer(
                Math.max(1, (idleTimeout.toNanos() - idleNanos) / 1_000_000),
                id -> checkForStall());
        return;
      }
      long received = body.length();
      drop();
      LOG.debug(
          "Write body from {} stalled after {} bytes; connection closed",
          ctx.request().remoteAddress(),
          received);
      // The rest of the body may still come: the connection cannot carry another request.
      ctx.addEndHandler(answered -> ctx.request().connection().close());
      ErrorReplies.send(
          ctx,
          style,
          ErrorCode.REQUEST_TIMEOUT,
          "no byte of the request body arrived for "
              + ConfigUnits.formatDuration(idleTimeout)
              + " (after "
              + received
              + " bytes); nothing was written");
    }

    void chunk(Buffer chunk) {
      lastChunkNanos = System.nanoTime();
      if (body == null) {
        return;
      }
      if ((long) body.length() + chunk.length() > maxBytes) {
        drop();
        refuseTooLarge(ctx);
        return;
      }
      if (takeAsItArrives && !held.take(chunk.length())) {
        long received = body.length() + chunk.length();
        drop();
        refuseBusy(ctx, received);
        return;
      }
      body.appendBuffer(chunk);
    }

    private void drop() {
      body = null;
      held.giveBack();
    }

    void end(Void none) {
      ended = true;
      if (body != null) {
        ctx.put(RAW_BODY, body);
        ctx.next();
      }
    }
  }
}
