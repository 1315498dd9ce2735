package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

  @Test
  void columnTypeChangeShowsBothDefinitions() {
    CheckResult result =
        SchemaCheck.compare(
            SchemaCategory.COLUMNS,
            Map.of("shop.orders.total", "column_type=decimal(10,2)"),
            Map.of("shop.orders.total", "column_type=float"));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence())
        .containsExactly(
            "differs: shop.orders.total: old [column_type=decimal(10,2)] new [column_type=float]");
  }

  @Test
  void objectsOnOneSideAreNamed() {
    CheckResult result =
        SchemaCheck.compare(
            SchemaCategory.INDEXES,
            Map.of("shop.orders.by_customer", "non_unique=1", "shop.orders.PRIMARY", "x"),
            Map.of("shop.orders.PRIMARY", "x", "shop.orders.by_date", "non_unique=1"));

    assertThat(result.evidence())
        .containsExactly(
            "only on old: shop.orders.by_customer", "only on new: shop.orders.by_date");
  }

  @Test
  void identicalObjectsPass() {
    assertThat(
            SchemaCheck.compare(SchemaCategory.VIEWS, Map.of("a.v", "x"), Map.of("a.v", "x"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void eventsLeftDisabledWarnBeforeAndFailAfterTheSwitch() {
    Map<String, String> status =
        Map.of("shop.nightly", "SLAVESIDE_DISABLED", "shop.hourly", "ENABLED");

    assertThat(SchemaCheck.disabledEvents(status, Phase.PRE).status()).isEqualTo(Status.WARN);
    CheckResult after = SchemaCheck.disabledEvents(status, Phase.POST);
    assertThat(after.status()).isEqualTo(Status.FAIL);
    assertThat(after.evidence())
        .containsExactly("shop.nightly is SLAVESIDE_DISABLED on the new side");
  }
}
