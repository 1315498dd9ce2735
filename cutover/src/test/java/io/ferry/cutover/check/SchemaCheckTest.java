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
  void anEventTheOldSideRunsIsListedToEnableAtTheSwitchAndFailsAfterIt() {
    Map<String, String> oldSide = Map.of("shop.nightly", "ENABLED", "shop.off", "DISABLED");
    Map<String, String> newSide =
        Map.of("shop.nightly", "SLAVESIDE_DISABLED", "shop.off", "DISABLED");

    CheckResult before = SchemaCheck.eventStatus(oldSide, newSide, Phase.PRE);
    assertThat(before.status()).isEqualTo(Status.WARN);
    assertThat(before.evidence())
        .containsExactly(
            "shop.nightly: enable at switch: runs on the old side, replica-side disabled on new");
    CheckResult after = SchemaCheck.eventStatus(oldSide, newSide, Phase.POST);
    assertThat(after.status()).isEqualTo(Status.FAIL);
    assertThat(after.evidence()).singleElement().asString().startsWith("shop.nightly: still runs");
  }

  @Test
  void eventStatesJudgedPerPhase() {
    assertThat(judge(Phase.PRE, "ENABLED", "DISABLED")).isEqualTo(Status.FAIL);
    assertThat(judge(Phase.PRE, "DISABLED", "SLAVESIDE_DISABLED")).isEqualTo(Status.FAIL);
    assertThat(judge(Phase.POST, "SLAVESIDE_DISABLED", "DISABLED")).isEqualTo(Status.FAIL);
    assertThat(judge(Phase.POST, "DISABLED", "ENABLED")).isEqualTo(Status.FAIL);
    assertThat(judge(Phase.PRE, "ENABLED", "ENABLED")).isEqualTo(Status.FAIL);
    assertThat(judge(Phase.POST, "ENABLED", "ENABLED")).isEqualTo(Status.FAIL);
    assertThat(judge(Phase.POST, "SLAVESIDE_DISABLED", "SLAVESIDE_DISABLED"))
        .isEqualTo(Status.FAIL);
    assertThat(judge(Phase.PRE, "SLAVESIDE_DISABLED", "SLAVESIDE_DISABLED")).isEqualTo(Status.WARN);
    assertThat(judge(Phase.POST, "SLAVESIDE_DISABLED", "ENABLED")).isEqualTo(Status.PASS);
    assertThat(judge(Phase.POST, "REPLICA_SIDE_DISABLED", "ENABLED")).isEqualTo(Status.PASS);
    assertThat(judge(Phase.PRE, "DISABLED", "DISABLED")).isEqualTo(Status.PASS);
  }

  @Test
  void anEventOnOneSideOnlyIsLeftToTheEventsComparison() {
    assertThat(SchemaCheck.eventStatus(Map.of("shop.a", "ENABLED"), Map.of(), Phase.POST).status())
        .isEqualTo(Status.PASS);
  }

  private static Status judge(Phase phase, String oldStatus, String newStatus) {
    return SchemaCheck.eventStatus(Map.of("s.e", oldStatus), Map.of("s.e", newStatus), phase)
        .status();
  }
}
