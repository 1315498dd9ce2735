package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationCheckTest {

  private static final Set<String> EXPECTED =
      new HashSet<>(ConfigurationVariables.EXPECTED_DIFFERENCES);

  @Test
  void behaviourChangingDifferenceFailsWithBothValues() {
    List<CheckResult> results =
        ConfigurationCheck.compare(
            Map.of("sql_mode", "STRICT_TRANS_TABLES", "server_id", "1"),
            Map.of("sql_mode", "", "server_id", "3"),
            EXPECTED);

    assertThat(results.get(0).status()).isEqualTo(Status.FAIL);
    assertThat(results.get(0).evidence())
        .containsExactly("sql_mode: old 'STRICT_TRANS_TABLES' new ''");
    assertThat(results.get(1).status()).isEqualTo(Status.PASS);
  }

  @Test
  void otherDifferencesWarnAndExpectedOnesAreIgnored() {
    List<CheckResult> results =
        ConfigurationCheck.compare(
            Map.of("innodb_buffer_pool_size", "32M", "relay_log_index", "/a", "hostname", "a"),
            Map.of("innodb_buffer_pool_size", "64M", "relay_log_index", "/b", "hostname", "b"),
            EXPECTED);

    assertThat(results.get(0).status()).isEqualTo(Status.PASS);
    assertThat(results.get(1).status()).isEqualTo(Status.WARN);
    assertThat(results.get(1).evidence())
        .containsExactly("innodb_buffer_pool_size: old '32M' new '64M'");
  }

  @Test
  void callerCanExpectMoreDifferencesAndAbsentVariablesAreShown() {
    Set<String> expected = new HashSet<>(EXPECTED);
    expected.add("innodb_buffer_pool_*");

    List<CheckResult> results =
        ConfigurationCheck.compare(
            Map.of("innodb_buffer_pool_size", "32M", "time_zone", "SYSTEM"),
            Map.of("innodb_buffer_pool_size", "64M"),
            expected);

    assertThat(results.get(0).evidence()).containsExactly("time_zone: old 'SYSTEM' new '(absent)'");
    assertThat(results.get(1).status()).isEqualTo(Status.PASS);
  }
}
