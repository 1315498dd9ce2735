package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import org.junit.jupiter.api.Test;

class InfluxApiDetectorTest {

  @Test
  void influxDbBefore18SpeaksOnlyV1() {
    assertThat(InfluxApiDetector.apiForVersion("1.6.7~rc0")).isEqualTo(InfluxApi.V1);
    assertThat(InfluxApiDetector.apiForVersion("1.7.11")).isEqualTo(InfluxApi.V1);
    assertThat(InfluxApiDetector.apiForVersion("v1.0.2")).isEqualTo(InfluxApi.V1);
  }

  @Test
  void influxDb18AndLaterSpeakV2() {
    assertThat(InfluxApiDetector.apiForVersion("1.8.10")).isEqualTo(InfluxApi.V2);
    assertThat(InfluxApiDetector.apiForVersion("1.11.8")).isEqualTo(InfluxApi.V2);
    assertThat(InfluxApiDetector.apiForVersion("2.7.11")).isEqualTo(InfluxApi.V2);
    assertThat(InfluxApiDetector.apiForVersion("v2.0.0")).isEqualTo(InfluxApi.V2);
    assertThat(InfluxApiDetector.apiForVersion("3.0.1")).isEqualTo(InfluxApi.V2);
    assertThat(InfluxApiDetector.apiForVersion("OSS v2.7.4")).isEqualTo(InfluxApi.V2);
  }

  @Test
  void aServerWithoutAVersionIsTakenForV2() {
    assertThat(InfluxApiDetector.apiForVersion("")).isEqualTo(InfluxApi.V2);
    assertThat(InfluxApiDetector.apiForVersion(null)).isEqualTo(InfluxApi.V2);
  }
}
