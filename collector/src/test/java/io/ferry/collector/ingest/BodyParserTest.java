package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.SyntheticFleet;
import io.ferry.testkit.SyntheticWebTraffic;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyParserTest {

  @Test
  void anAgentsGzipPushIsParsedOnTheWorkerPoolNotTheEventLoop() throws Exception {
    String push =
        SyntheticFleet.withSeries(SyntheticFleet.SERIES_PER_HOST).push(0, 1L, 1, false)
            + SyntheticWebTraffic.push(SyntheticFleet.hostName(0), 1L, 1);
    byte[] gzip = gzip(push);
    // The regression: a 200-line push compresses to under 3 KB, below the old 4 KB gzip bound.
    assertThat(gzip.length).isLessThan(4 * 1024);

    assertThat(BodyParser.onWorker(gzip.length, ContentEncoding.GZIP)).isTrue();
    assertThat(BodyParser.onWorker(20, ContentEncoding.GZIP)).isTrue();
  }

  @Test
  void onlySmallPlainBodiesAreParsedOnTheCallingThread() {
    assertThat(BodyParser.onWorker(200, ContentEncoding.IDENTITY)).isFalse();
    assertThat(BodyParser.onWorker(BodyParser.WORKER_THRESHOLD_BYTES - 1, ContentEncoding.IDENTITY))
        .isFalse();
    assertThat(BodyParser.onWorker(BodyParser.WORKER_THRESHOLD_BYTES, ContentEncoding.IDENTITY))
        .isTrue();
    assertThat(BodyParser.onWorker(37 * 1024, ContentEncoding.IDENTITY)).isTrue();
  }

  private static byte[] gzip(String text) throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
