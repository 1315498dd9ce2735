package io.ferry.collector.ingest;

import io.ferry.collector.config.IngestConfig;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseRules;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRule;
import io.ferry.lineprotocol.Precision;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * Turns write bodies as sent into points: decodes gzip (whole or not at all, with the body limit
 * applied to the decoded size), decodes UTF-8 strictly, and parses the lines with the {@code
 * ingest:} limits and the target InfluxDB's rules. Only small plain bodies (a few dozen lines) are
 * handled right away on the calling thread; every gzip body and every larger plain one goes to the
 * worker pool, so that neither a 10 MiB body nor a fleet's pushes stall the event loop that serves
 * every connection. An agent's push is about 200 lines, 37 KB of text but under 3 KB as gzip:
 * parsed on the event loop, a fleet of 2,000 agents kept it busy parsing (more than half of its
 * profile samples in the fleet benchmark) while the parse workers sat idle. Lines without a
 * timestamp get the time the body arrived.
 *
 * <p>A body that does not decode fails the future with a {@link BodyRefusedException}.
 */
public final class BodyParser {

  /**
   * Plain bodies at least this large (in bytes as sent, about 40 lines) are handled on the worker
   * pool; gzip bodies always are.
   */
  public static final int WORKER_THRESHOLD_BYTES = 8 * 1024;

  private final WorkerExecutor workers;
  private final Clock clock;
  private final IngestConfig limits;
  private final PointRule targetRule;

  /**
   * @param targetRule what the InfluxDB written to refuses or changes (see {@code
   *     InfluxTargetRule}); applied before the limits
   */
  public BodyParser(
      WorkerExecutor workers, Clock clock, IngestConfig limits, PointRule targetRule) {
    this.workers = workers;
    this.clock = clock;
    this.limits = limits;
    this.targetRule = targetRule;
  }

  public Future<ParsedBody> parse(Buffer body, ContentEncoding encoding, Precision precision) {
    long receivedNanos = Point.epochNanos(clock.instant());
    Callable<ParsedBody> work = () -> parseNow(body, encoding, precision, receivedNanos);
    if (onWorker(body.length(), encoding)) {
      return workers.executeBlocking(work, false);
    }
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /** Whether a body of {@code bytes} (as sent) is parsed on the worker pool. */
  static boolean onWorker(int bytes, ContentEncoding encoding) {
    return encoding == ContentEncoding.GZIP || bytes >= WORKER_THRESHOLD_BYTES;
  }

  /**
   * The bytes of the body, without a copy when the buffer holds exactly them (as it mostly does).
   */
  private static byte[] bytesOf(Buffer body) {
    ByteBuf held = ((BufferInternal) body).getByteBuf();
    if (held.hasArray() && held.arrayOffset() == 0 && held.readableBytes() == held.array().length) {
      return held.array();
    }
    return body.getBytes();
  }

  private ParsedBody parseNow(
      Buffer body, ContentEncoding encoding, Precision precision, long receivedNanos)
      throws BodyRefusedException {
    byte[] bytes = bytesOf(body);
    if (encoding == ContentEncoding.GZIP) {
      bytes = GzipDecoder.decode(bytes, (int) limits.maxBodyBytes(), "ingest.max_body_bytes");
    }
    String text = Utf8Text.decode(bytes);
    var rules =
        new ParseRules(
            limits.maxLineLength(), targetRule.andThen(new PointLimits(limits, receivedNanos)));
    return new ParsedBody(
        LineProtocolParser.parse(text, precision, receivedNanos, rules), bytes.length);
  }
}
