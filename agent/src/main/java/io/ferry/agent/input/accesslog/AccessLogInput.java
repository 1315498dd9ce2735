package io.ferry.agent.input.accesslog;

import io.ferry.agent.input.Accumulator;
import io.ferry.agent.input.Input;
import io.ferry.agent.input.StreamingInput;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one access log ({@code inputs.access_log.files[]}): reads new lines every {@code
 * poll_interval} on a worker thread of its own, counts them, and at each collection writes the
 * cumulative {@code http_requests} counters and {@code http_request_duration} histograms per
 * virtual host, and its own {@code access_log} figures.
 *
 * <p>The offset saved on disk is the one of the counts just collected, so after a restart the next
 * agent reads exactly the lines whose counts were not handed over: none is counted twice by
 * collections, none skipped. Lines that do not have the format are counted in {@code
 * malformed_lines}; the first few are logged with their file and line number (not their text, which
 * may hold tokens from query strings).
 */
public final class AccessLogInput implements Input, StreamingInput {

  /** The input's own figures, cumulative since it started. */
  static final String STATS_MEASUREMENT = "access_log";

  /** Malformed lines logged one by one; later ones are only counted. */
  static final int LOGGED_MALFORMED_LINES = 5;

  private static final String WORKER_POOL = "ferry-agent-access-log";
  private static final String UNKNOWN_HOST = "_unknown";
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogInput.class);

  private final AccessLogConfig config;
  private final Path stateDirectory;
  private final OffsetStore offsets;
  private final AccessLogParser parser;
  private final Map<String, String> tags;
  private final Object lock = new Object();
  private final AtomicBoolean reading = new AtomicBoolean();
  private final LogTailer tailer;
  private final RequestCounters counters;
  private long lines;
  private long malformedLines;
  private long rotations;
  private long truncations;
  private long lostFiles;
  private long readErrors;
  private Optional<IOException> lastReadError = Optional.empty();
  private Vertx vertx;
  private WorkerExecutor workers;
  private long timerId = -1;

  public AccessLogInput(AccessLogConfig config, Path stateDirectory, Path offsetsFile) {
    this.config = config;
    this.stateDirectory = stateDirectory;
    this.offsets = new OffsetStore(offsetsFile);
    this.parser = new AccessLogParser(config.format());
    var all = new TreeMap<>(config.tags());
    all.put("log", config.name());
    this.tags = Map.copyOf(all);
    this.counters = new RequestCounters(config.buckets());
    this.tailer = new LogTailer(config.path(), new TailerEvents());
  }

  @Override
  public String name() {
    return "access_log:" + config.name();
  }

  /**
   * Opens the log at its saved offset and reads what is there, then reads every {@code
   * poll_interval}.
   *
   * @return fails when the state directory cannot be created or the offsets file is damaged
   */
  @Override
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    long maxExecuteMillis = Math.max(60_000, config.pollInterval().toMillis() * 10);
    workers =
        vertx.createSharedWorkerExecutor(WORKER_POOL, 1, maxExecuteMillis, TimeUnit.MILLISECONDS);
    return workers
        .executeBlocking(
            () -> {
              open();
              readNow();
              return null;
            },
            false)
        .<Void>mapEmpty()
        .onSuccess(
            ignored -> {
              long interval = config.pollInterval().toMillis();
              timerId = vertx.setPeriodic(interval, interval, id -> readInBackground());
            });
  }

  @Override
  public Future<Void> stop() {
    if (vertx == null) {
      return Future.succeededFuture();
    }
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    return workers
        .executeBlocking(
            () -> {
              synchronized (lock) {
                tailer.close();
              }
              return null;
            },
            false)
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .compose(ignored -> workers.close().otherwiseEmpty());
  }

  /** Reads what was written since the last read; blocking. Public for tests and benchmarks. */
  public void readNow() {
    synchronized (lock) {
      try {
        for (LogLine line : tailer.poll()) {
          count(line);
        }
        lastReadError = Optional.empty();
      } catch (IOException e) {
        readErrors++;
        if (lastReadError.isEmpty()) {
          LOG.warn("{}: cannot read {}: {}", name(), config.path(), e.toString());
        }
        lastReadError = Optional.of(e);
      }
    }
  }

  /**
   * Writes the cumulative counters and saves the offset they correspond to. A failed read or offset
   * save is reported as an error of this input, and the counters are written all the same.
   */
  @Override
  public void collect(Accumulator accumulator) {
    List<Point> points;
    Optional<FileOffset> offset;
    Optional<IOException> readError;
    synchronized (lock) {
      points = counters.points(tags);
      offset = tailer.offset();
      readError = lastReadError;
      points = new ArrayList<>(points);
      points.add(
          Point.builder(STATS_MEASUREMENT)
              .tags(tags)
              .field("lines", lines)
              .field("malformed_lines", malformedLines)
              .field("bytes", tailer.bytesRead())
              .field("rotations", rotations)
              .field("truncations", truncations)
              .field("lost_files", lostFiles)
              .field("read_errors", readErrors)
              .build());
    }
    points.forEach(accumulator::add);
    readError.ifPresent(e -> accumulator.addError("read " + config.path(), e));
    if (offset.isPresent()) {
      try {
        offsets.save(offset.get());
      } catch (IOException e) {
        accumulator.addError("save offset to " + offsets.file(), e);
      }
    }
  }

  /** Stops reading (called on a worker at agent shutdown). */
  @Override
  public void close() {
    try {
      stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{}: stopping did not finish: {}", name(), e.toString());
    }
  }

  /** Creates the state directory, loads the offset and opens the log; blocking. */
  void open() throws IOException {
    try {
      Files.createDirectories(stateDirectory);
    } catch (IOException e) {
      throw new IOException(
          "cannot create the state directory " + stateDirectory + " for access log offsets: " + e,
          e);
    }
    if (!Files.isWritable(stateDirectory)) {
      throw new IOException(
          "the state directory "
              + stateDirectory
              + " is not writable; access log offsets go there");
    }
    synchronized (lock) {
      Optional<FileOffset> saved = offsets.load();
      tailer.open(saved, config.startAt() == StartAt.BEGINNING);
      if (!Files.exists(config.path())) {
        LOG.warn("{}: {} does not exist yet; waiting for it", name(), config.path());
      }
    }
  }

  private void readInBackground() {
    if (!reading.compareAndSet(false, true)) {
      return;
    }
    workers
        .executeBlocking(
            () -> {
              readNow();
              return null;
            },
            false)
        .onComplete(ignored -> reading.set(false));
  }

  private void count(LogLine line) {
    lines++;
    Optional<AccessLogEntry> entry = line.tooLong() ? Optional.empty() : parser.parse(line.text());
    if (entry.isEmpty()) {
      malformedLines++;
      if (malformedLines <= LOGGED_MALFORMED_LINES) {
        LOG.warn(
            "{}: line {} of {} {}; counted in malformed_lines{}",
            name(),
            line.number(),
            line.file(),
            line.tooLong()
                ? "is longer than " + LogTailer.MAX_LINE_BYTES + " bytes"
                : "does not match the format",
            malformedLines == LOGGED_MALFORMED_LINES ? " (further ones are only counted)" : "");
      }
      return;
    }
    String host = config.vhost().or(() -> entry.get().host()).orElse(UNKNOWN_HOST);
    counters.count(host, entry.get());
  }

  /** Called by the tailer under the lock. */
  private final class TailerEvents implements LogTailer.Events {
    @Override
    public void rotated(Path from) {
      rotations++;
      LOG.info("{}: {} was rotated; reading the new file from its start", name(), from);
    }

    @Override
    public void truncated(Path file) {
      truncations++;
      LOG.info("{}: {} was truncated; reading it again from its start", name(), file);
    }

    @Override
    public void lost(FileOffset offset) {
      lostFiles++;
      LOG.warn(
          "{}: the file read before the restart ({}) is no longer next to {}; lines written to it"
              + " after position {} are not counted",
          name(),
          offset.fileKey(),
          config.path(),
          offset.position());
    }
  }
}
