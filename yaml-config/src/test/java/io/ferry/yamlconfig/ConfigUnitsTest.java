package io.ferry.yamlconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigUnitsTest {

  @Test
  void durationsNeedAUnitInAnyCase() {
    assertThat(ConfigUnits.parseDuration("100ms")).contains(Duration.ofMillis(100));
    assertThat(ConfigUnits.parseDuration("10s")).contains(Duration.ofSeconds(10));
    assertThat(ConfigUnits.parseDuration("5m")).contains(Duration.ofMinutes(5));
    assertThat(ConfigUnits.parseDuration("1h")).contains(Duration.ofHours(1));
    assertThat(ConfigUnits.parseDuration("2H")).contains(Duration.ofHours(2));
    assertThat(ConfigUnits.parseDuration(" 10 s ")).contains(Duration.ofSeconds(10));
    assertThat(ConfigUnits.parseDuration("10")).isEmpty();
    assertThat(ConfigUnits.parseDuration("1.5s")).isEmpty();
    assertThat(ConfigUnits.parseDuration("10 days")).isEmpty();
    assertThat(ConfigUnits.parseDuration("-1s")).isEmpty();
  }

  @Test
  void durationsTooLargeForADurationAreRejectedNotThrown() {
    assertThat(ConfigUnits.parseDuration("9223372036854775807h")).isEmpty();
    assertThat(ConfigUnits.parseDuration("99999999999999999999s")).isEmpty();
  }

  @Test
  void byteSizesReadDecimalAndBinaryUnits() {
    assertThat(ConfigUnits.parseBytes("10MiB")).contains(10L * 1024 * 1024);
    assertThat(ConfigUnits.parseBytes("512KiB")).contains(512L * 1024);
    assertThat(ConfigUnits.parseBytes("2GB")).contains(2_000_000_000L);
    assertThat(ConfigUnits.parseBytes("1kb")).contains(1000L);
    assertThat(ConfigUnits.parseBytes("4096")).contains(4096L);
    assertThat(ConfigUnits.parseBytes("10 MiB")).contains(10L * 1024 * 1024);
    assertThat(ConfigUnits.parseBytes("10PiB")).isEmpty();
    assertThat(ConfigUnits.parseBytes("99999999999GiB")).isEmpty();
  }

  @Test
  void durationsAreWrittenInTheLargestExactUnit() {
    assertThat(ConfigUnits.formatDuration(Duration.ofMillis(100))).isEqualTo("100ms");
    assertThat(ConfigUnits.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(ConfigUnits.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(ConfigUnits.formatDuration(Duration.ofMinutes(120))).isEqualTo("2h");
    assertThat(ConfigUnits.formatDuration(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void byteSizesAreWrittenInTheLargestExactBinaryUnit() {
    assertThat(ConfigUnits.formatBytes(10L * 1024 * 1024)).isEqualTo("10MiB");
    assertThat(ConfigUnits.formatBytes(3L * 1024 * 1024 * 1024)).isEqualTo("3GiB");
    assertThat(ConfigUnits.formatBytes(1000)).isEqualTo("1000");
  }
}
