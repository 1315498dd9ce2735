package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.ferry.collector.CapturedStderr;
import io.ferry.collector.config.DeadLetterConfig;
import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.ferry.testkit.PrometheusSamples;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class DeadLetterFileTest {

  private static final Instant AT = Instant.parse("2026-11-26T23:59:58.5Z");

  @TempDir Path dir;
  private final CollectorMetrics metrics = new CollectorMetrics();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void eachBatchIsAppendedWithTheTimeAndTheReasonAsReplayableLineProtocol(Vertx vertx)
      throws Exception {
    var deadLetters =
        new DeadLetterFile(
            vertx, dir.resolve("dead-letter"), metrics, Clock.fixed(AT, ZoneOffset.UTC));

    Path first =
        deadLetters
            .write(
                List.of(point("cpu", 1.5, 1), point("cpu", 2.5, 2)),
                "partial write: field type conflict\nsecond line")
            .await(10, TimeUnit.SECONDS);
    Path second =
        deadLetters.write(List.of(point("mem", 3.0, 3)), "bad").await(10, TimeUnit.SECONDS);

    assertThat(first).isEqualTo(second).isEqualTo(dir.resolve("dead-letter/refused-2026-11-26.lp"));
    assertThat(Files.readAllLines(first))
        .containsExactly(
            "# 2026-11-26T23:59:58.500Z InfluxDB refused 2 points: partial write: field type"
                + " conflict second line",
            "cpu,host=a value=1.5 1",
            "cpu,host=a value=2.5 2",
            "# 2026-11-26T23:59:58.500Z InfluxDB refused 1 points: bad",
            "mem,host=a value=3 3");
    var samples = PrometheusSamples.parse(metrics.scrape());
    assertThat(samples.value("ferry_collector_dead_letter_batches_total")).hasValue(2.0);
    assertThat(samples.value("ferry_collector_dead_letter_points_total")).hasValue(3.0);
  }

  @Test
  void aFolderThatCannotBeWrittenIsCountedAndTheFailureReported(Vertx vertx) throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file");
    var deadLetters = new DeadLetterFile(vertx, notAFolder, metrics, Clock.systemUTC());

    var written = deadLetters.write(List.of(point("cpu", 1.5, 1)), "field type conflict");

    written.otherwiseEmpty().await(10, TimeUnit.SECONDS);
    assertThat(written.cause()).isInstanceOf(java.io.IOException.class);
    var samples = PrometheusSamples.parse(metrics.scrape());
    assertThat(samples.value("ferry_collector_dead_letter_write_failures_total")).hasValue(1.0);
    assertThat(samples.value("ferry_collector_dead_letter_points_total")).hasValue(1.0);
  }

  @Test
  void filesRotateAtTheirSizeAndPastTheFoldersBoundBatchesAreCountedAndLoggedOnce(Vertx vertx)
      throws Exception {
    Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    long batchBytes = sizeOfOneBatch(vertx, clock);
    Path folder = dir.resolve("bounded");
    var deadLetters =
        new DeadLetterFile(
            vertx,
            new DeadLetterConfig(folder, batchBytes * 5 / 2, batchBytes * 5),
            metrics,
            clock);
    List<List<Point>> batches = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      batches.add(List.of(point("cpu", b, 100 + 2 * b), point("cpu", b, 101 + 2 * b)));
    }

    try (var log = new CapturedStderr()) {
      List<Path> written = new ArrayList<>();
      for (int b = 0; b < 7; b++) {
        written.add(deadLetters.write(batches.get(b), "conflict").await(10, TimeUnit.SECONDS));
      }
      Path day = folder.resolve("refused-2026-11-26.lp");
      Path part1 = folder.resolve("refused-2026-11-26.1.lp");
      Path part2 = folder.resolve("refused-2026-11-26.2.lp");
      assertThat(written).containsExactly(day, day, part1, part1, part2, null, null);
      assertThat(linesWith(log, "is full")).hasSize(1);
      assertThat(linesWith(log, "is full").get(0))
          .contains(folder.toString(), "influxdb.dead_letter_max_bytes");
      var samples = PrometheusSamples.parse(metrics.scrape());
      assertThat(samples.value("ferry_collector_dead_letter_over_bound_batches_total"))
          .hasValue(2.0);
      assertThat(samples.value("ferry_collector_dead_letter_over_bound_points_total"))
          .hasValue(4.0);
      assertThat(samples.value("ferry_collector_dead_letter_bytes"))
          .hasValue((double) batchBytes * 5);
      // Every file is line protocol on its own: posted back, it gives the batches it holds.
      assertThat(pointsIn(day)).isEqualTo(concat(batches.subList(0, 2)));
      assertThat(pointsIn(part1)).isEqualTo(concat(batches.subList(2, 4)));
      assertThat(pointsIn(part2)).isEqualTo(concat(batches.subList(4, 5)));

      // An operator posted the first file back and removed it: there is room again.
      Files.delete(day);
      Path eighth = deadLetters.write(batches.get(7), "conflict").await(10, TimeUnit.SECONDS);

      assertThat(eighth).isEqualTo(part2);
      assertThat(pointsIn(part2)).isEqualTo(concat(List.of(batches.get(4), batches.get(7))));
      assertThat(linesWith(log, "set aside again"))
          .singleElement(as(STRING))
          .contains(part2.toString(), "2 batches (4 points) were not written", "folder full");
    }
  }

  @Test
  void aFullDiskIsLoggedOnceAndCountedAndWritingResumesOnceThereIsRoom(Vertx vertx)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("full"));
    // The kernel's always-full device: every write fails with ENOSPC, as on a full disk.
    Path file =
        Files.createSymbolicLink(folder.resolve("refused-2026-11-26.lp"), Path.of("/dev/full"));
    var deadLetters = new DeadLetterFile(vertx, folder, metrics, Clock.fixed(AT, ZoneOffset.UTC));

    try (var log = new CapturedStderr()) {
      for (int b = 0; b < 3; b++) {
        var write = deadLetters.write(List.of(point("cpu", b, b)), "conflict");
        write.otherwiseEmpty().await(10, TimeUnit.SECONDS);
        assertThat(write.cause()).hasMessageContaining("No space left on device");
      }
      assertThat(linesWith(log, "Cannot write to the dead-letter folder"))
          .singleElement(as(STRING))
          .contains(folder.toString(), "No space left on device")
          .doesNotContain("Exception", "\tat ");
      var samples = PrometheusSamples.parse(metrics.scrape());
      assertThat(samples.value("ferry_collector_dead_letter_write_failures_total")).hasValue(3.0);

      // The disk has room again.
      Files.delete(file);
      Path written =
          deadLetters.write(List.of(point("mem", 7, 7)), "conflict").await(10, TimeUnit.SECONDS);

      assertThat(written).isEqualTo(file);
      assertThat(pointsIn(file)).containsExactly(point("mem", 7, 7));
      assertThat(linesWith(log, "set aside again"))
          .singleElement(as(STRING))
          .contains("3 batches (3 points) were not written", "write failed");
    }
  }

  /** The bytes one batch of two points with one-digit values and three-digit timestamps takes. */
  private long sizeOfOneBatch(Vertx vertx, Clock clock) throws Exception {
    var probe = new DeadLetterFile(vertx, dir.resolve("probe"), new CollectorMetrics(), clock);
    Path file =
        probe
            .write(List.of(point("cpu", 0, 100), point("cpu", 0, 101)), "conflict")
            .await(10, TimeUnit.SECONDS);
    return Files.size(file);
  }

  private static List<Point> pointsIn(Path file) throws Exception {
    ParseResult parsed = LineProtocolParser.parse(Files.readString(file), Precision.NANOSECONDS, 0);
    assertThat(parsed.errors()).isEmpty();
    return parsed.points();
  }

  private static List<Point> concat(List<List<Point>> batches) {
    return batches.stream().flatMap(List::stream).toList();
  }

  private static List<String> linesWith(CapturedStderr log, String text) {
    return log.lines().stream().filter(line -> line.contains(text)).toList();
  }

  private static Point point(String measurement, double value, long nanos) {
    return Point.builder(measurement)
        .tag("host", "a")
        .field("value", value)
        .timestampNanos(nanos)
        .build();
  }
}
