package io.ferry.collector.ingest;

import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
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
 * arrived) is answered 413 at once; the rest of it is read and dropped.
 */
public final class RawBodyReader implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(RawBodyReader.class);

  /** The routing-context key under which the body ({@link Buffer}) is left for the next handler. */
  public static final String RAW_BODY = "ferry.rawBody";

  private final int maxBytes;
  private final ApiStyle style;

  /**
   * @param maxBytes the largest body accepted, in bytes as sent
   */
  public RawBodyReader(int maxBytes, ApiStyle style) {
    this.maxBytes = maxBytes;
    this.style = style;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (declaredLength(request) > maxBytes) {
      // Answer at once, then read and drop the body so that the connection stays usable.
      refuse(ctx);
      if (!request.isEnded()) {
        request.handler(dropped -> {});
        request.resume();
      }
      return;
    }
    if (request.isEnded()) {
      ctx.fail(new IllegalStateException("the request body was read before " + getClass()));
      return;
    }
    var reading = new Reading(ctx);
    request.handler(reading::chunk);
    request.endHandler(reading::end);
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

  private void refuse(RoutingContext ctx) {
    ErrorReplies.send(
        ctx,
        style,
        ErrorCode.TOO_LARGE,
        "request body is larger than "
            + ConfigUnits.formatBytes(maxBytes)
            + " (ingest.max_body_bytes); nothing was written");
  }

  /** One body being read; runs on the request's event loop. */
  private final class Reading {
    private final RoutingContext ctx;
    private Buffer body = Buffer.buffer();

    Reading(RoutingContext ctx) {
      this.ctx = ctx;
    }

    void chunk(Buffer chunk) {
      if (body == null) {
        return;
      }
      if ((long) body.length() + chunk.length() > maxBytes) {
        body = null;
        refuse(ctx);
        return;
      }
      body.appendBuffer(chunk);
    }

    void end(Void ended) {
      if (body != null) {
        ctx.put(RAW_BODY, body);
        ctx.next();
      }
    }
  }
}
