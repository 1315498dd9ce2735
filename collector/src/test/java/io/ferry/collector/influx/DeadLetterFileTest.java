package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.Point;
import io.ferry.testkit.PrometheusSamples;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

  private static Point point(String measurement, double value, long nanos) {
    return Point.builder(measurement)
        .tag("host", "a")
        .field("value", value)
        .timestampNanos(nanos)
        .build();
  }
}
