package io.ferry.agent.input.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ferry.lineprotocol.LineProtocolWriter;
import org.junit.jupiter.api.Test;

class CpuUsageCalculatorTest {

  // OSHI's order: user, nice, system, idle, iowait, irq, softirq, steal
  private static final long[] FIRST = {1000, 10, 500, 8000, 100, 5, 15, 0};
  private static final long[] SECOND = {1600, 10, 700, 9000, 150, 10, 30, 0};

  @Test
  void sharesOfTheTicksBetweenTwoPolls() {
    CpuUsage usage =
        CpuUsageCalculator.between(CpuTicks.fromOshi(FIRST), CpuTicks.fromOshi(SECOND))
            .orElseThrow();

    // differences: 600 user, 200 system, 1000 idle, 50 iowait, 5 irq, 15 softirq = 1870
    assertThat(usage.user()).isCloseTo(100.0 * 600 / 1870, within(1e-9));
    assertThat(usage.system()).isCloseTo(100.0 * 200 / 1870, within(1e-9));
    assertThat(usage.idle()).isCloseTo(100.0 * 1000 / 1870, within(1e-9));
    assertThat(usage.nice()).isZero();
    assertThat(
            usage.user()
                + usage.nice()
                + usage.system()
                + usage.idle()
                + usage.iowait()
                + usage.irq()
                + usage.softirq()
                + usage.steal())
        .isCloseTo(100.0, within(1e-9));
  }

  @Test
  void noTimePassedGivesNoUsage() {
    assertThat(CpuUsageCalculator.between(CpuTicks.fromOshi(FIRST), CpuTicks.fromOshi(FIRST)))
        .isEmpty();
  }

  @Test
  void countersGoingBackwardsGiveNoUsage() {
    assertThat(CpuUsageCalculator.between(CpuTicks.fromOshi(SECOND), CpuTicks.fromOshi(FIRST)))
        .isEmpty();
  }

  @Test
  void writesTheTelegrafCpuPoint() {
    var usage = new CpuUsage(25, 0, 12.5, 60, 2.5, 0, 0, 0);

    assertThat(LineProtocolWriter.toLine(usage.toPoint("cpu-total")))
        .isEqualTo(
            "cpu,cpu=cpu-total usage_user=25,usage_nice=0,usage_system=12.5,usage_idle=60,"
                + "usage_iowait=2.5,usage_irq=0,usage_softirq=0,usage_steal=0");
  }
}
