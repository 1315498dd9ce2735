package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficCheckTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void trafficMovedWhenTheNewPrimaryAnswersMore() {
    CheckResult result =
        TrafficCheck.trafficMoved(
            sample(1000, 0), sample(1010, 0), sample(0, 0), sample(5000, 0), TEN_SECONDS);

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.evidence())
        .containsExactly("old primary: 1.0 queries/s", "new primary: 500.0 queries/s");
  }

  @Test
  void oldPrimaryStillBusyFails() {
    CheckResult result =
        TrafficCheck.trafficMoved(
            sample(0, 0), sample(3000, 0), sample(0, 0), sample(100, 0), TEN_SECONDS);

    assertThat(result.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void idleClustersCannotTell() {
    assertThat(
            TrafficCheck.trafficMoved(
                    sample(5, 0), sample(6, 0), sample(5, 0), sample(7, 0), TEN_SECONDS)
                .status())
        .isEqualTo(Status.WARN);
  }

  @Test
  void writesOnTheOldPrimaryFailAndListTheSessions() {
    CheckResult result =
        TrafficCheck.oldPrimaryQuiet(
            sample(0, 40), new TrafficSample(0, 43, List.of("app@10.0.0.7 db=shop Query")));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence())
        .containsExactly(
            "transactions written on the old primary during the window: 3",
            "connected to the old primary: app@10.0.0.7 db=shop Query");
  }

  @Test
  void mySqlGtidSetYieldsTheLastTransactionOfOneServer() {
    String set =
        "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7-9,\n4f22fa47-71ca-11e1-9e33-c80aa9429562:1-100";

    assertThat(MySqlGtidSet.lastTransaction(set, "3E11FA47-71CA-11E1-9E33-C80AA9429562"))
        .isEqualTo(9);
    assertThat(MySqlGtidSet.lastTransaction(set, "00000000-0000-0000-0000-000000000000")).isZero();
  }

  private static TrafficSample sample(long questions, long ownWrites) {
    return new TrafficSample(questions, ownWrites, List.of());
  }
}
