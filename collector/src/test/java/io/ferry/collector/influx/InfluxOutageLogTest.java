package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InfluxOutageLogTest {

  @Test
  void anOutageStartsAtTheFirstUnreachableWriteAndEndsAtTheFirstSuccess() {
    var log = new InfluxOutageLog(Clock.systemUTC());
    log.refused(10);
    assertThat(log.ongoing()).isFalse();

    log.unreachable("connection refused");
    log.unreachable("connection refused again");
    assertThat(log.ongoing()).isTrue();

    log.reachable();
    assertThat(log.ongoing()).isFalse();
  }

  @Test
  void durationsReadAsAPersonWouldWriteThem() {
    assertThat(InfluxOutageLog.readable(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(InfluxOutageLog.readable(Duration.ofMillis(12_345))).isEqualTo("12.3s");
    assertThat(InfluxOutageLog.readable(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(InfluxOutageLog.readable(Duration.ofMinutes(62))).isEqualTo("1h02m");
  }
}
