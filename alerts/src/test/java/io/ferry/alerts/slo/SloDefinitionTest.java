package io.ferry.alerts.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ferry.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloDefinitionTest {

  private static final RatioSli SLI = new RatioSli("http_requests", "ok", "total");

  @Test
  void defaultsAreTheWorkbooks() {
    SloDefinition slo = SloDefinition.builder("blog", 0.999, SLI).build();

    assertThat(slo.period()).isEqualTo(Duration.ofDays(30));
    assertThat(slo.alerts()).isEqualTo(BurnRateAlert.WORKBOOK_DEFAULTS);
    assertThat(slo.minEvents()).isEqualTo(100);
    assertThat(slo.where()).isEmpty();
    assertThat(slo.errorBudget()).isCloseTo(0.001, within(1e-15));
  }

  @Test
  void theWorkbookAlertsSpend2And5And10PercentOfA30DayBudget() {
    Duration period = SloDefinition.DEFAULT_PERIOD;
    assertThat(BurnRateAlert.WORKBOOK_DEFAULTS)
        .extracting(alert -> alert.budgetSpentAtThreshold(period))
        .satisfiesExactly(
            spent -> assertThat(spent).isCloseTo(0.02, within(1e-12)),
            spent -> assertThat(spent).isCloseTo(0.05, within(1e-12)),
            spent -> assertThat(spent).isCloseTo(0.10, within(1e-12)));
  }

  @Test
  void invalidDefinitionsAreRejected() {
    assertThatThrownBy(() -> SloDefinition.builder("blog", 1.0, SLI).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("objective");
    assertThatThrownBy(() -> SloDefinition.builder("blog", 0, SLI).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SloDefinition.builder("blog", 0.99, SLI).period(Duration.ofDays(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than the period");
    assertThatThrownBy(
            () -> new BurnRateAlert(Severity.PAGE, Duration.ofMinutes(5), Duration.ofHours(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BurnRateAlert(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RatioSli("m", "x", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anSloWithoutAlertsIsTrackedOnly() {
    SloTracker tracker =
        new SloTracker(SloDefinition.builder("blog", 0.99, SLI).alerts(List.of()).build());

    assertThat(tracker.evaluate(Instant.EPOCH)).isEmpty();
    assertThat(tracker.status(Instant.EPOCH).burnRates()).isEmpty();
  }
}
