package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.Precision;
import org.junit.jupiter.api.Test;

class ApiStyleTest {

  @Test
  void v2AcceptsOnlyItsFourPrecisions() {
    assertThat(ApiStyle.V2.precision(null)).contains(Precision.NANOSECONDS);
    assertThat(ApiStyle.V2.precision("us")).contains(Precision.MICROSECONDS);
    assertThat(ApiStyle.V2.precision("s")).contains(Precision.SECONDS);
    assertThat(ApiStyle.V2.precision("n")).isEmpty();
    assertThat(ApiStyle.V2.precision("h")).isEmpty();
  }

  @Test
  void v1AcceptsItsShortNamesAndHoursAndMinutes() {
    assertThat(ApiStyle.V1.precision("n")).contains(Precision.NANOSECONDS);
    assertThat(ApiStyle.V1.precision("u")).contains(Precision.MICROSECONDS);
    assertThat(ApiStyle.V1.precision("m")).contains(Precision.MINUTES);
    assertThat(ApiStyle.V1.precision("h")).contains(Precision.HOURS);
    assertThat(ApiStyle.V1.precision("d")).isEmpty();
  }

  @Test
  void errorBodiesHaveEachApisShape() {
    assertThat(ApiStyle.V1.errorBody(ErrorCode.INVALID, "partial write: x", 2).encode())
        .isEqualTo("{\"error\":\"partial write: x\"}");
    assertThat(ApiStyle.V2.errorBody(ErrorCode.INVALID, "partial write: x", 2).encode())
        .isEqualTo("{\"code\":\"invalid\",\"message\":\"partial write: x\",\"line\":2}");
    assertThat(ApiStyle.V2.errorBody(ErrorCode.UNAUTHORIZED, "no", null).encode())
        .isEqualTo("{\"code\":\"unauthorized\",\"message\":\"no\"}");
  }
}
