package io.ferry.agent.input.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log input on real files written by the test: each request line carries its number as
 * the path ({@code GET /7}), so that counts show every line was counted exactly once.
 */
class AccessLogInputTest {

  private static final SloBuckets BUCKETS =
      SloBuckets.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1));

  @TempDir Path dir;
  private Path log;
  private Path state;

  @BeforeEach
  void paths() {
    log = dir.resolve("access.log");
    state = dir.resolve("state");
  }

  @Test
  void countsPerHostMethodAndStatusClassWithAHistogramAndLeavesAPartialLineForLater()
      throws Exception {
    append(log, line(1, "GET", 200, "0.050"), line(2, "GET", 503, "0.400"));
    append(log, line(3, "POST", 201, "2.000"));
    Files.writeString(log, "192.0.2.1 - - [26/Nov/2026", StandardOpenOption.APPEND);
    var input = input(StartAt.BEGINNING);

    input.readNow();
    CollectingAccumulator collected = collect(input);

    Point get = requests(collected, "GET");
    assertThat(get.tags())
        .containsEntry("vhost", "shop.example.com")
        .containsEntry("log", "shop")
        .containsEntry("method", "GET");
    assertThat(get.fields())
        .containsEntry("total", FieldValue.of(2L))
        .containsEntry("ok", FieldValue.of(1L))
        .containsEntry("status_2xx", FieldValue.of(1L))
        .containsEntry("status_5xx", FieldValue.of(1L))
        .containsEntry("status_4xx", FieldValue.of(0L));
    assertThat(requests(collected, "POST").fields()).containsEntry("total", FieldValue.of(1L));
    Point histogram = single(collected, "http_request_duration");
    assertThat(histogram.tags()).containsEntry("vhost", "shop.example.com");
    assertThat(histogram.fields())
        .containsEntry("count", FieldValue.of(3L))
        .containsEntry("le_0.1", FieldValue.of(1L))
        .containsEntry("le_0.3", FieldValue.of(1L))
        .containsEntry("le_1", FieldValue.of(2L))
        .containsEntry("sum", FieldValue.of(2.45));
    assertThat(stats(collected, "lines")).isEqualTo(3);

    Files.writeString(
        log,
        ":10:00:00 +0000] \"GET /4 HTTP/1.1\" 200 10 \"-\" \"t\" 0.001\n",
        StandardOpenOption.APPEND);
    input.readNow();
    assertThat(requests(collect(input), "GET").fields()).containsEntry("total", FieldValue.of(3L));
  }

  @Test
  void aLogNeverReadBeforeStartsAtItsEndByDefault() throws Exception {
    append(log, line(1, "GET", 200, "0.010"), line(2, "GET", 200, "0.010"));
    var input = input(StartAt.END);
    append(log, line(3, "GET", 200, "0.010"));

    input.readNow();

    assertThat(totalRequests(collect(input))).isEqualTo(1);
  }

  @Test
  void rotationByRenameReadsTheOldFileToItsEndThenTheNewOne() throws Exception {
    append(log, line(1, "GET", 200, "0.010"), line(2, "GET", 200, "0.010"));
    var input = input(StartAt.BEGINNING);
    input.readNow();
    append(log, line(3, "GET", 200, "0.010"));
    Path rotated = dir.resolve("access.log.1");
    Files.move(log, rotated);
    // The server still writes to the renamed file until it reopens its log.
    append(rotated, line(4, "GET", 200, "0.010"));
    append(log, line(5, "GET", 200, "0.010"), line(6, "GET", 404, "0.010"));

    input.readNow();
    append(log, line(7, "GET", 200, "0.010"));
    // A late write to the rotated file, before the server reopened its log, is still read.
    append(rotated, line(8, "GET", 200, "0.010"));
    input.readNow();

    CollectingAccumulator collected = collect(input);
    assertThat(totalRequests(collected)).isEqualTo(8);
    assertThat(stats(collected, "rotations")).isEqualTo(1);
  }

  @Test
  void copytruncateReadsTheTruncatedFileFromItsStart() throws Exception {
    append(log, line(1, "GET", 200, "0.010"), line(2, "GET", 200, "0.010"));
    var input = input(StartAt.BEGINNING);
    input.readNow();
    append(log, line(3, "GET", 200, "0.010"));
    input.readNow();
    // logrotate copytruncate: copy away, then truncate in place; the server goes on appending.
    Files.copy(log, dir.resolve("access.log.1"));
    try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    append(log, line(4, "GET", 200, "0.010"));

    input.readNow();

    CollectingAccumulator collected = collect(input);
    assertThat(totalRequests(collected)).isEqualTo(4);
    assertThat(stats(collected, "truncations")).isEqualTo(1);
  }

  @Test
  void aTruncationWrittenPastTheOldPositionBeforeTheReadIsRecognisedByTheFirstLine()
      throws Exception {
    append(log, line(1, "GET", 200, "0.010"));
    var input = input(StartAt.BEGINNING);
    input.readNow();
    Files.writeString(log, "");
    append(
        log,
        line(2, "POST", 200, "0.010"),
        line(3, "POST", 200, "0.010"),
        line(4, "POST", 200, "0.010"));

    input.readNow();

    CollectingAccumulator collected = collect(input);
    assertThat(requests(collected, "GET").fields()).containsEntry("total", FieldValue.of(1L));
    assertThat(requests(collected, "POST").fields()).containsEntry("total", FieldValue.of(3L));
  }

  @Test
  void aRestartedInputCountsExactlyTheLinesTheLastCollectionDidNotHandOver() throws Exception {
    for (int i = 1; i <= 5; i++) {
      append(log, line(i, "GET", 200, "0.010"));
    }
    var first = input(StartAt.BEGINNING);
    first.readNow();
    long firstCollected = totalRequests(collect(first));
    append(log, line(6, "GET", 200, "0.010"), line(7, "GET", 200, "0.010"));
    first.readNow(); // read, but never collected: the next agent must count these
    first.close();
    append(log, line(8, "GET", 200, "0.010"));

    var second = input(StartAt.END);
    second.readNow();

    assertThat(firstCollected).isEqualTo(5);
    assertThat(totalRequests(collect(second))).isEqualTo(3);
    assertThat(Files.readString(state.resolve("access-log-shop.offset"))).contains("position=");
  }

  @Test
  void aRestartAfterARotationWhileStoppedFinishesTheRotatedFileFirst() throws Exception {
    append(log, line(1, "GET", 200, "0.010"), line(2, "GET", 200, "0.010"));
    var first = input(StartAt.BEGINNING);
    first.readNow();
    collect(first);
    first.close();
    append(log, line(3, "GET", 200, "0.010"));
    Files.move(log, dir.resolve("access.log.1"));
    append(log, line(4, "GET", 200, "0.010"), line(5, "GET", 200, "0.010"));

    var second = input(StartAt.END);
    second.readNow();

    CollectingAccumulator collected = collect(second);
    assertThat(totalRequests(collected)).isEqualTo(3);
    assertThat(stats(collected, "rotations")).isEqualTo(1);
  }

  @Test
  void malformedLinesAreCountedNotDropped() throws Exception {
    append(
        log,
        line(1, "GET", 200, "0.010"),
        "garbage that is no access log line",
        line(2, "GET", 200, "not-a-number"),
        line(3, "GET", 200, "0.010"));
    var input = input(StartAt.BEGINNING);

    input.readNow();

    CollectingAccumulator collected = collect(input);
    assertThat(totalRequests(collected)).isEqualTo(2);
    assertThat(stats(collected, "lines")).isEqualTo(4);
    assertThat(stats(collected, "malformed_lines")).isEqualTo(2);
  }

  @Test
  void aStateDirectoryThatCannotBeCreatedStopsTheStartWithItsPath() throws Exception {
    Path notADirectory = dir.resolve("occupied");
    Files.writeString(notADirectory, "a file where the state directory should be");
    var input =
        new AccessLogInput(
            config(StartAt.END, Duration.ofSeconds(1)),
            notADirectory,
            notADirectory.resolve("access-log-shop.offset"));

    assertThatThrownBy(input::open)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "cannot create the state directory " + notADirectory + " for access log offsets");
  }

  @Test
  void aDamagedOffsetsFileIsNamedNotIgnored() throws Exception {
    append(log, line(1, "GET", 200, "0.010"));
    Files.createDirectories(state);
    Files.writeString(state.resolve("access-log-shop.offset"), "version=1\nposition=12\n");

    assertThatThrownBy(() -> input(StartAt.END))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "damaged offsets file " + state.resolve("access-log-shop.offset") + ": no file_key");
  }

  @Test
  void theStreamingInputReadsOnItsOwnOnceStarted() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      var config = config(StartAt.END, Duration.ofMillis(50));
      var input = new AccessLogInput(config, state, state.resolve("access-log-shop.offset"));
      append(log, line(1, "GET", 200, "0.010"));
      input.start(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      append(log, line(2, "GET", 200, "0.010"), line(3, "GET", 200, "0.010"));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(totalRequests(collect(input))).isEqualTo(2));
      input.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private AccessLogInput input(StartAt startAt) throws IOException {
    var input =
        new AccessLogInput(
            config(startAt, Duration.ofSeconds(1)), state, state.resolve("access-log-shop.offset"));
    input.open();
    return input;
  }

  private AccessLogConfig config(StartAt startAt, Duration pollInterval) {
    return new AccessLogConfig(
        "shop",
        log,
        LogFormat.parse("nginx"),
        Optional.of("shop.example.com"),
        startAt,
        pollInterval,
        BUCKETS,
        Map.of());
  }

  private static String line(int number, String method, int status, String seconds) {
    return "192.0.2.1 - - [26/Nov/2026:10:00:00 +0000] \""
        + method
        + " /"
        + number
        + " HTTP/1.1\" "
        + status
        + " 10 \"-\" \"test\" "
        + seconds;
  }

  private static void append(Path file, String... lines) throws IOException {
    Files.writeString(
        file,
        String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static CollectingAccumulator collect(AccessLogInput input) {
    var collected = new CollectingAccumulator();
    input.collect(collected);
    assertThat(collected.errors()).isEmpty();
    return collected;
  }

  private static Point requests(CollectingAccumulator collected, String method) {
    return collected.points().stream()
        .filter(p -> p.measurement().equals("http_requests"))
        .filter(p -> method.equals(p.tags().get("method")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no http_requests point for " + method));
  }

  private static long totalRequests(CollectingAccumulator collected) {
    return collected.points().stream()
        .filter(p -> p.measurement().equals("http_requests"))
        .mapToLong(p -> ((FieldValue.IntegerValue) p.fields().get("total")).value())
        .sum();
  }

  private static Point single(CollectingAccumulator collected, String measurement) {
    var found =
        collected.points().stream().filter(p -> p.measurement().equals(measurement)).toList();
    assertThat(found).as(measurement).hasSize(1);
    return found.get(0);
  }

  private static long stats(CollectingAccumulator collected, String field) {
    return ((FieldValue.IntegerValue) single(collected, "access_log").fields().get(field)).value();
  }
}
