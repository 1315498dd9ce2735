package io.ferry.collector.influx;

import io.ferry.collector.config.DeadLetterConfig;
import io.ferry.collector.influx.DeadLetterFolder.Appended;
import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
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
 * is fixed a file can be posted back as it is. Files rotate at {@code dead_letter_file_bytes} and
 * the folder is bounded by {@code dead_letter_max_bytes} ({@link DeadLetterFolder}). Counts each
 * batch and logs each one written with its reason. A batch not written (folder full, full or
 * read-only disk) is counted, and logged once per episode rather than per batch ({@link
 * DeadLetterEpisodes}). Writes on a worker thread, never on the event loop; never throws.
 */
public final class DeadLetterFile implements RefusedBatches {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterFile.class);

  /** Longest reason written on the comment line and to the log. */
  static final int MAX_REASON_LENGTH = 1000;

  private final Vertx vertx;
  private final DeadLetterConfig config;
  private final DeadLetterFolder folder;
  private final DeadLetterEpisodes episodes;
  private final CollectorMetrics metrics;
  private final Clock clock;

  public DeadLetterFile(
      Vertx vertx, DeadLetterConfig config, CollectorMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.folder = new DeadLetterFolder(config);
    this.episodes = new DeadLetterEpisodes(clock, config.dir());
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Refused batches go to {@code dir} with the default bounds. */
  public DeadLetterFile(Vertx vertx, Path dir, CollectorMetrics metrics, Clock clock) {
    this(vertx, DeadLetterConfig.in(dir), metrics, clock);
  }

  @Override
  public void setAside(List<Point> points, String reason) {
    write(points, reason);
  }

  /**
   * Sets the points aside; the future completes with the file once they are on disk, with null when
   * the folder's bound kept them out, and fails when the disk refused them.
   */
  Future<Path> write(List<Point> points, String reason) {
    Instant at = clock.instant();
    String oneLine = oneLine(reason);
    metrics.deadLettered(points.size());
    return vertx
        .executeBlocking(() -> append(at, points, oneLine), true)
        .map(
            appended -> {
              if (appended instanceof Appended.Written written) {
                episodes.written(written.file());
                LOG.warn(
                    "InfluxDB refused a batch of {} points: {}; set aside in {}",
                    points.size(),
                    oneLine,
                    written.file());
                return written.file();
              }
              var over = (Appended.OverBound) appended;
              metrics.deadLetterOverBound(points.size());
              episodes.notWritten(
                  DeadLetterEpisodes.Cause.BOUND,
                  points.size(),
                  "its refused-*.lp files take "
                      + over.folderBytes()
                      + " bytes, and a batch of "
                      + over.batchBytes()
                      + " more would pass influxdb.dead_letter_max_bytes ("
                      + ConfigUnits.formatBytes(config.maxBytes())
                      + ")");
              return null;
            })
        .onFailure(
            e -> {
              metrics.deadLetterWriteFailed();
              episodes.notWritten(
                  DeadLetterEpisodes.Cause.WRITE_FAILED, points.size(), describe(e));
            });
  }

  private Appended append(Instant at, List<Point> points, String reason) throws IOException {
    String text =
        "# "
            + at
            + " InfluxDB refused "
            + points.size()
            + " points: "
            + reason
            + "\n"
            + LineProtocolWriter.toLines(points, Precision.NANOSECONDS);
    Appended appended =
        folder.append(
            LocalDate.ofInstant(at, ZoneOffset.UTC), text.getBytes(StandardCharsets.UTF_8));
    metrics.deadLetterFolderBytes(folder.bytes());
    return appended;
  }

  /** The first file of the UTC day of {@code at}. */
  public Path fileFor(Instant at) {
    return folder.fileFor(LocalDate.ofInstant(at, ZoneOffset.UTC), 0);
  }

  /** {@code No space left on device (…/refused-2026-11-26.lp)}: what the file system said. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a folder";
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied (" + denied.getFile() + ")";
    }
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason() == null ? kind : fs.getReason();
      return reason + " (" + fs.getFile() + ")";
    }
    return message == null ? kind : kind + ": " + message;
  }

  private static String oneLine(String reason) {
    String text =
        reason == null ? "no reason given" : reason.strip().replaceAll("\\s*\\R\\s*", " ");
    return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "..." : text;
  }
}
