package io.ferry.collector.ingest;

import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Parses line-protocol request bodies: small bodies right away on the calling thread, bodies of
 * {@link #WORKER_THRESHOLD_BYTES} or more on a worker pool, so that a 10 MiB body never stalls the
 * event loop. Lines without a timestamp get the time the body arrived.
 */
public final class BodyParser {

  /** Bodies at least this large (in bytes) are parsed on the worker pool. */
  public static final int WORKER_THRESHOLD_BYTES = 64 * 1024;

  private final WorkerExecutor workers;
  private final Clock clock;

  public BodyParser(WorkerExecutor workers, Clock clock) {
    this.workers = workers;
    this.clock = clock;
  }

  public Future<ParseResult> parse(Buffer body, Precision precision) {
    long receivedNanos = Point.epochNanos(clock.instant());
    if (body.length() < WORKER_THRESHOLD_BYTES) {
      try {
        return Future.succeededFuture(parseNow(body, precision, receivedNanos));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    return workers.executeBlocking(() -> parseNow(body, precision, receivedNanos), false);
  }

  private static ParseResult parseNow(Buffer body, Precision precision, long receivedNanos) {
    return LineProtocolParser.parse(
        body.toString(StandardCharsets.UTF_8), precision, receivedNanos);
  }
}
