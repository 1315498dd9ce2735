package io.ferry.cutover.report;

import io.ferry.cutover.Phase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small report with one of everything, shared by the report tests. */
final class ReportFixtures {

  private ReportFixtures() {}

  static ComparisonReport sample() {
    CheckResult threads =
        CheckResult.pass(
            CheckFamily.REPLICATION,
            "replica threads",
            "every replication channel runs without errors",
            List.of("new-primary from 127.0.0.1:3306: io=running sql=running"));
    CheckResult events =
        CheckResult.of(
            CheckFamily.SCHEMA,
            "disabled events",
            Status.WARN,
            "1 events must be enabled on the new side once it takes writes",
            List.of("shop.nightly is SLAVESIDE_DISABLED on the new side"));
    CheckResult sqlMode =
        CheckResult.of(
            CheckFamily.CONFIGURATION,
            "behaviour-changing variables",
            Status.FAIL,
            "1 behaviour-changing variables differ, first: sql_mode: old 'STRICT_TRANS_TABLES' new ''",
            List.of("sql_mode: old 'STRICT_TRANS_TABLES' new ''"));
    TableDataResult orders =
        new TableDataResult(
            "shop",
            "orders",
            Status.FAIL,
            true,
            "1 key ranges differ, first (10, 20] (rows old 30, new 29)",
            30,
            29,
            3,
            1,
            List.of(
                new ChunkDrift(
                    List.of("10"),
                    List.of("20"),
                    10,
                    9,
                    List.of(
                        new RowDifference(List.of("12"), RowDifference.Kind.ONLY_OLD),
                        new RowDifference(
                            List.of("15"),
                            RowDifference.Kind.CHANGED,
                            List.of(
                                new ColumnDifference("total", "12.50", "13.50", false),
                                ColumnDifference.nameOnly("password_hash", true)))))));
    TableDataResult onReplica =
        new TableDataResult(
            "shop",
            "orders",
            Status.FAIL,
            true,
            "2 rows differ in 1 key range, first (start, 40] (rows primary 40, replica 41)",
            40,
            41,
            4,
            0,
            List.of(
                new ChunkDrift(
                    List.of(),
                    List.of("40"),
                    40,
                    41,
                    List.of(
                        new RowDifference(
                            List.of("33"),
                            RowDifference.Kind.CHANGED,
                            List.of(ColumnDifference.nameOnly("note", false))),
                        new RowDifference(List.of("39"), RowDifference.Kind.ONLY_NEW)))));
    ReplicaDataResult oldReplica =
        ReplicaDataResult.of(
            "old", "old-replica", "old-primary", List.of(onReplica), 1, Optional.empty());
    ReplicaDataResult newReplica =
        ReplicaDataResult.of(
            "new",
            "new-replica",
            "new-primary",
            List.of(),
            1,
            Optional.of(
                "new-replica did not apply new-primary's GTID position '1-1-9' within 2s"
                    + " (gtid-wait-timeout): is its SQL thread running?"));
    Map<String, String> options = new LinkedHashMap<>();
    options.put("phase", "pre");
    options.put("max-lag", "5s");
    options.put("show-values", "false");
    return ComparisonReport.of(
            Phase.PRE,
            Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-02T03:04:07.500Z"),
            List.of("old-primary (primary) ferry @ jdbc:mysql://127.0.0.1:3306/"),
            List.of("new-primary (primary) ferry @ jdbc:mysql://127.0.0.1:3307/?password=***"),
            List.of(threads, events, sqlMode),
            List.of(orders),
            new RunInfo("1.2.3-test", options))
        .withReplicas(List.of(oldReplica, newReplica));
  }
}
