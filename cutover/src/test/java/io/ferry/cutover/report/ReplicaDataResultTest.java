package io.ferry.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaDataResultTest {

  private static final TableDataResult SAME = table("a", Status.PASS, true);
  private static final TableDataResult DRIFT = table("b", Status.FAIL, true);
  private static final TableDataResult STOPPED = table("c", Status.FAIL, false);

  @Test
  void everyTableMatchingIsAPassThatSetsNoBit() {
    ReplicaDataResult result = of(List.of(SAME, SAME), Optional.empty());

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.finished()).isTrue();
    assertThat(result.summary()).isEqualTo("2 tables, 20 rows identical to old-primary");
    assertThat(result.exitBits()).isZero();
  }

  @Test
  void rowCountsInTheSummaryHaveThousandsSeparatorsLikeTheTerminalSummarysOtherLines() {
    TableDataResult big =
        new TableDataResult(
            "shop", "orders", Status.PASS, true, "x", 1_234_567, 1_234_567, 9, 0, List.of());

    ReplicaDataResult result = of(List.of(big), Optional.empty());

    assertThat(result.summary()).isEqualTo("1 table, 1,234,567 rows identical to old-primary");
  }

  @Test
  void driftSetsTheDataBitAndATableThatStoppedTheCouldNotFinishBit() {
    ReplicaDataResult drift = of(List.of(SAME, DRIFT), Optional.empty());
    ReplicaDataResult both = of(List.of(DRIFT, STOPPED, SAME), Optional.empty());

    assertThat(drift.summary()).isEqualTo("1 of 2 tables differs");
    assertThat(drift.exitBits()).isEqualTo(CheckFamily.DATA.bit());
    assertThat(both.summary()).isEqualTo("1 of 3 tables differs, 1 of 3 tables could not finish");
    assertThat(both.exitBits())
        .isEqualTo(CheckFamily.DATA.bit() | CheckFamily.COULD_NOT_FINISH_BIT);
    assertThat(both.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aReplicaThatStoppedOrHadNothingToCompareDidNotFinish() {
    ReplicaDataResult stopped =
        of(List.of(SAME, STOPPED), Optional.of("old-replica did not apply the position"));
    ReplicaDataResult empty = of(List.of(), Optional.empty());

    assertThat(stopped.finished()).isFalse();
    assertThat(stopped.summary())
        .isEqualTo("could not finish after 2 of 5 tables: old-replica did not apply the position");
    assertThat(stopped.exitBits()).isEqualTo(CheckFamily.COULD_NOT_FINISH_BIT);
    assertThat(empty.finished()).isFalse();
    assertThat(empty.status()).isEqualTo(Status.FAIL);
    assertThat(empty.exitBits()).isEqualTo(CheckFamily.COULD_NOT_FINISH_BIT);
    assertThat(empty.summary()).startsWith("no table was compared");
  }

  @Test
  void aResultThatDidNotFinishCannotPass() {
    assertThatThrownBy(
            () ->
                new ReplicaDataResult(
                    "old", "old-replica", "old-primary", Status.PASS, false, "x", List.of()))
        .hasMessageContaining("old-replica could not be compared to the end but is PASS");
  }

  private static ReplicaDataResult of(List<TableDataResult> tables, Optional<String> stopped) {
    return ReplicaDataResult.of("old", "old-replica", "old-primary", tables, 5, stopped);
  }

  private static TableDataResult table(String name, Status status, boolean finished) {
    return new TableDataResult("shop", name, status, finished, "x", 10, 10, 1, 0, List.of());
  }
}
