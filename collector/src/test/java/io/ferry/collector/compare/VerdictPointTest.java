package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.lineprotocol.LineProtocolWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictPointTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void countsTheReplicasComparedAndThoseThatFailed() {
    TableDataResult same =
        new TableDataResult("shop", "orders", Status.PASS, true, "same", 10, 10, 1, 0, List.of());
    ComparisonReport report =
        ComparisonReport.of(
                Phase.PRE,
                START,
                START.plusSeconds(2),
                List.of(),
                List.of(),
                List.of(),
                List.of(same))
            .withReplicas(
                List.of(
                    ReplicaDataResult.of(
                        "old", "old-replica", "old-primary", List.of(same), 1, Optional.empty()),
                    ReplicaDataResult.of(
                        "new",
                        "new-replica",
                        "new-primary",
                        List.of(),
                        1,
                        Optional.of("new-replica did not apply the position"))));

    String line = LineProtocolWriter.toLine(VerdictPoint.of(report));

    assertThat(line)
        .startsWith("ferry_compare,phase=pre ")
        .contains("exit_code=64i")
        .contains("replicas=2i")
        .contains("replicas_failed=1i")
        .contains("tables=1i");
  }
}
