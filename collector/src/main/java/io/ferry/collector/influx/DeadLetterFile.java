package io.ferry.collector.influx;

import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each batch InfluxDB refused to {@code refused-YYYY-MM-DD.lp} (UTC day) in the dead-letter
 * folder: a comment line {@code # <time> InfluxDB refused <n> points: <reason>}, then the points as
 * line protocol with nanosecond timestamps. Line protocol skips {@code #} lines, so once the cause
 * is fixed the file can be posted back as it is. Counts each batch, logs it once with the reason,
 * and writes on a worker thread, never on the event loop. A batch that cannot be written (full
 * disk, no permission) is logged as an error naming the folder and counted.
 */
public final class DeadLetterFile implements RefusedBatches {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterFile.class);

  /** Longest reason written on the comment line and to the log. */
  static final int MAX_REASON_LENGTH = 1000;

  private final Vertx vertx;
  private final Path dir;
  private final CollectorMetrics metrics;
  private final Clock clock;

  public DeadLetterFile(Vertx vertx, Path dir, CollectorMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.dir = dir;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void setAside(List<Point> points, String reason) {
    write(points, reason);
  }

  /** Sets the points aside; the future completes once they are on disk (or failed to be). */
  Future<Path> write(List<Point> points, String reason) {
    Instant at = clock.instant();
    String oneLine = oneLine(reason);
    metrics.deadLettered(points.size());
    Path file = fileFor(at);
    String text =
        "# "
            + at
            + " InfluxDB refused "
            + points.size()
            + " points: "
            + oneLine
            + "\n"
            + LineProtocolWriter.toLines(points, Precision.NANOSECONDS);
    return vertx
        .executeBlocking(() -> append(file, text), true)
        .onSuccess(
            written ->
                LOG.warn(
                    "InfluxDB refused a batch of {} points: {}; set aside in {}",
                    points.size(),
                    oneLine,
                    file))
        .onFailure(
            e -> {
              metrics.deadLetterWriteFailed();
              LOG.error(
                  "InfluxDB refused a batch of {} points: {}; could not set them aside in {}: {}",
                  points.size(),
                  oneLine,
                  dir,
                  e.toString());
            });
  }

  /** The file of the UTC day of {@code at}. */
  public Path fileFor(Instant at) {
    return dir.resolve("refused-" + LocalDate.ofInstant(at, ZoneOffset.UTC) + ".lp");
  }

  private static synchronized Path append(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
    return file;
  }

  private static String oneLine(String reason) {
    String text =
        reason == null ? "no reason given" : reason.strip().replaceAll("\\s*\\R\\s*", " ");
    return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "..." : text;
  }
}
