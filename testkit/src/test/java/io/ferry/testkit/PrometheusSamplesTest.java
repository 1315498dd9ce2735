package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {

  private static PrometheusSamples fixture() throws IOException {
    try (InputStream in =
        PrometheusSamplesTest.class.getResourceAsStream("/node-exporter-sample.txt")) {
      return PrometheusSamples.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsNamesLabelsAndValuesAndSkipsComments() throws IOException {
    PrometheusSamples samples = fixture();

    assertThat(samples.all()).hasSize(8);
    assertThat(samples.value("node_cpu_seconds_total", "cpu", "1", "mode", "idle"))
        .hasValue(2190.2);
    assertThat(samples.value("node_filesystem_size_bytes", "mountpoint", "/"))
        .hasValue(1.0425171968e10);
    assertThat(samples.value("node_memory_MemTotal_bytes")).hasValue(2.5219121152e10);
    assertThat(samples.value("node_memory_MemFree_bytes")).isEmpty();
  }

  @Test
  void readsEscapedLabelValuesAndSpecialValues() throws IOException {
    PrometheusSamples samples = fixture();

    assertThat(samples.named("node_filesystem_size_bytes").get(1).labels())
        .containsEntry("mountpoint", "/run \"x\", y");
    assertThat(samples.value("mysql_slave_status_seconds_behind_master").getAsDouble()).isNaN();
    assertThat(samples.value("go_gc_duration_seconds")).hasValue(Double.POSITIVE_INFINITY);
  }

  @Test
  void moreThanOneMatchIsAnError() throws IOException {
    assertThatThrownBy(() -> fixture().value("node_cpu_seconds_total", "mode", "idle"))
        .hasMessageContaining("2 samples of node_cpu_seconds_total");
  }

  @Test
  void aLineThatIsNotASampleIsNamed() {
    assertThatThrownBy(() -> PrometheusSamples.parse("# ok\nup 1\nbroken{a=1} 2\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("broken{a=1} 2");
  }
}
