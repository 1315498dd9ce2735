package io.ferry.collector.ingest;

import io.ferry.collector.alerting.Admission;
import io.ferry.collector.alerting.AlertFeed;
import io.ferry.collector.auth.TokenRateLimits;
import io.ferry.collector.influx.InfluxOutageLog;
import io.ferry.collector.influx.InfluxUnavailableException;
import io.ferry.collector.influx.PointWriter;
import io.ferry.collector.influx.PointsRejectedException;
import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.LineError;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Precision;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code POST /write} and {@code POST /api/v2/write} once the request is authenticated and
 * its body read (by {@link RawBodyReader}): decodes and parses it with {@link BodyParser} (a body
 * that does not decode is refused whole with 400 or 413), writes the good points, and answers only
 * after InfluxDB accepted them. The answer is 204 when every line was good; 400 naming each bad
 * line when some were not (the good ones are still written, as InfluxDB does); 503 with {@code
 * Retry-After} when InfluxDB cannot take the points now, or when the writer or the alert engine's
 * queue has no room for them (nothing of the push is then kept), so the sender keeps them and
 * retries; 400 with InfluxDB's reason when InfluxDB refuses the points themselves (set aside in the
 * dead-letter file by the batching writer), so the sender drops them instead of retrying forever.
 *
 * <p>Points always go to the collector's configured database; a {@code db}, {@code rp}, {@code
 * bucket} or {@code org} parameter is accepted for compatibility and ignored.
 */
public final class WriteHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(WriteHandler.class);

  /** Bad lines named one by one in an error message; further ones are only counted. */
  static final int MAX_NAMED_ERRORS = 100;

  private final ApiStyle style;
  private final BodyParser parser;
  private final PointWriter writer;
  private final CollectorMetrics metrics;
  private final AlertFeed alerting;
  private final InfluxOutageLog outage;
  private final TokenRateLimits rateLimits;
  private final PushRefusals refusals;

  /**
   * @param outage counts the requests answered 503 while InfluxDB is unreachable
   * @param alerting admits the points of every parsed batch before it is written, and takes them
   *     once the writer took them too, so alerts see points whatever InfluxDB later does with them
   *     (a batch sent again after a 503 carries the same timestamps, which the alert engine counts
   *     once); of a push the writer refuses, it takes the signs of life ({@link
   *     AlertFeed#admitSignsOfLife})
   * @param rateLimits charged with the points of each parsed body, against the request's token
   * @param refusals counts the parsed pushes and those answered 503 because the collector was full
   */
  public WriteHandler(
      ApiStyle style,
      BodyParser parser,
      PointWriter writer,
      CollectorMetrics metrics,
      InfluxOutageLog outage,
      AlertFeed alerting,
      TokenRateLimits rateLimits,
      PushRefusals refusals) {
    this.style = style;
    this.refusals = refusals;
    this.rateLimits = rateLimits;
    this.parser = parser;
    this.writer = writer;
    this.metrics = metrics;
    this.outage = outage;
    this.alerting = alerting;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String precisionParameter = ctx.request().getParam("precision");
    Optional<Precision> precision = style.precision(precisionParameter);
    if (precision.isEmpty()) {
      ErrorReplies.send(
          ctx,
          style,
          ErrorCode.INVALID,
          "invalid precision \"" + precisionParameter + "\": use " + style.precisionHelp());
      return;
    }
    Buffer body = ctx.get(RawBodyReader.RAW_BODY);
    var encoding = ContentEncoding.fromHeader(ctx.request().getHeader("Content-Encoding"));
    parser
        .parse(body, encoding, precision.get())
        // The body as sent is no longer needed: its bytes leave max_body_bytes_in_flight.
        .onComplete(parsed -> RawBodyReader.parsed(ctx))
        .compose(
            parsedBody -> {
              metrics.bytesReceived(parsedBody.decodedBytes());
              ParseResult parsed = parsedBody.lines();
              rateLimits.charge(ctx.get(TokenAuthenticator.TOKEN), parsed.points().size());
              return writeGoodPoints(ctx, parsed)
                  .onFailure(
                      failure -> {
                        if (failure instanceof InfluxUnavailableException) {
                          outage.refused(parsed.points().size());
                        }
                      });
            })
        .onSuccess(parsed -> answer(ctx, parsed))
        .onFailure(failure -> answerFailure(ctx, failure));
  }

  /**
   * The accept decision, made once before anything is queued: the push is taken only if the alert
   * queue admits its points and the writer takes them (its bound of pending points); otherwise
   * neither keeps anything of it and the sender is answered 503. The writer decides at once (a push
   * over its bound fails before the call returns), so the alert queue's room is reserved first and
   * given back when the writer refuses.
   */
  private Future<ParseResult> writeGoodPoints(RoutingContext ctx, ParseResult parsed) {
    metrics.linesRejected(parsed.errors().size());
    if (parsed.hasErrors()) {
      LOG.debug(
          "{} bad lines from token {}",
          parsed.errors().size(),
          ctx.get(TokenAuthenticator.TOKEN_NAME));
    }
    refusals.offered();
    Admission admission = alerting.admit(parsed.points());
    if (admission.refusal().isPresent()) {
      refusals.refused();
      metrics.alertQueueRefused();
      return Future.failedFuture(new AlertQueueFullException(admission.refusal().get()));
    }
    Future<Void> taken = writer.write(parsed.points());
    if (taken.failed()) {
      admission.cancel();
      if (taken.cause() instanceof InfluxUnavailableException) {
        refusals.refused();
      }
      // Refused (mostly for now, to be sent again), but its sender is alive: its points that
      // absence rules watch still reach them, so no host is paged as silent because the writer
      // is full. With no room even for those, the host may look silent, as before.
      Admission signsOfLife = alerting.admitSignsOfLife(parsed.points());
      if (signsOfLife.refusal().isEmpty()) {
        signsOfLife.deliver();
      }
    } else {
      // Taken by the writer: the alert engine sees the points even if InfluxDB then fails.
      admission.deliver();
    }
    return taken.map(
        written -> {
          metrics.pointsAccepted(parsed.points().size());
          return parsed;
        });
  }

  private void answer(RoutingContext ctx, ParseResult parsed) {
    if (!parsed.hasErrors()) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    List<LineError> errors = parsed.errors();
    ErrorReplies.send(
        ctx, style, ErrorCode.INVALID, partialWriteMessage(errors), errors.get(0).lineNumber());
  }

  private void answerFailure(RoutingContext ctx, Throwable failure) {
    if (failure instanceof BodyRefusedException refused) {
      LOG.debug(
          "Body from token {} refused: {}",
          ctx.<String>get(TokenAuthenticator.TOKEN_NAME),
          refused.getMessage());
      ErrorReplies.send(ctx, style, refused.code(), refused.getMessage(), refused.line());
    } else if (failure instanceof AlertQueueFullException) {
      ErrorReplies.send(
          ctx,
          style,
          ErrorCode.UNAVAILABLE,
          "points not written, retry later: " + failure.getMessage());
    } else if (failure instanceof InfluxUnavailableException) {
      ErrorReplies.send(
          ctx,
          style,
          ErrorCode.UNAVAILABLE,
          "points not written, retry later: " + failure.getMessage());
    } else if (failure instanceof PointsRejectedException) {
      ErrorReplies.send(
          ctx, style, ErrorCode.INVALID, "InfluxDB rejected points: " + failure.getMessage());
    } else {
      LOG.error("Write request failed unexpectedly", failure);
      ErrorReplies.send(
          ctx, style, ErrorCode.INTERNAL, "internal error; the collector's log has the details");
    }
  }

  /** {@code partial write: line 2: reason (excerpt); line 4: ...}, capped at 100 named lines. */
  static String partialWriteMessage(List<LineError> errors) {
    String named =
        errors.stream()
            .limit(MAX_NAMED_ERRORS)
            .map(LineError::describe)
            .collect(Collectors.joining("; "));
    int unnamed = errors.size() - MAX_NAMED_ERRORS;
    return "partial write: " + named + (unnamed > 0 ? "; and " + unnamed + " more bad lines" : "");
  }
}
