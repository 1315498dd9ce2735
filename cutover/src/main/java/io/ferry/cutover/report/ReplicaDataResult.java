package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The data comparison of one replica with its primary ({@code --data-on-replicas}), table by table
 * and GTID-aligned. Its tables are the same records as the clusters' data comparison, with the
 * primary as the first side ({@code rowsOld}, {@code ONLY_OLD}) and the replica as the second
 * ({@code rowsNew}, {@code ONLY_NEW}).
 *
 * @param cluster {@code old} or {@code new}: the cluster both servers belong to
 * @param replica the replica's node name
 * @param primary its primary's node name
 * @param status PASS when every table matched; WARN when one matched without a primary key; FAIL on
 *     drift or when the replica could not be compared to the end
 * @param finished false when the comparison stopped early (the replica did not catch up, an error):
 *     the tables after the one it stopped in are not listed, and the replica sets the
 *     could-not-finish bit
 * @param summary one line for the terminal
 * @param tables each table's result, in the order compared
 */
public record ReplicaDataResult(
    @JsonProperty(required = true) String cluster,
    @JsonProperty(required = true) String replica,
    @JsonProperty(required = true) String primary,
    @JsonProperty(required = true) Status status,
    @JsonProperty(required = true) boolean finished,
    @JsonProperty(required = true) String summary,
    @JsonProperty(required = true) List<TableDataResult> tables) {

  public ReplicaDataResult {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    tables = List.copyOf(tables);
    if (!finished && status != Status.FAIL) {
      throw new IllegalArgumentException(
          "replica " + replica + " could not be compared to the end but is " + status);
    }
  }

  /**
   * The result of the tables compared, and why the comparison stopped if it did; status and summary
   * follow from them. No table compared is a result that did not finish: nothing proves the replica
   * holds the data.
   *
   * @param tablesCovered how many tables the primary has in scope
   * @param stoppedBecause why the comparison stopped before the last table, if it did
   */
  public static ReplicaDataResult of(
      String cluster,
      String replica,
      String primary,
      List<TableDataResult> tables,
      int tablesCovered,
      Optional<String> stoppedBecause) {
    boolean finished = stoppedBecause.isEmpty() && !tables.isEmpty();
    long drifting = tables.stream().filter(table -> table.status() == Status.FAIL).count();
    long unfinished = tables.stream().filter(table -> !table.finished()).count();
    Status status;
    if (!finished || drifting > 0) {
      status = Status.FAIL;
    } else if (tables.stream().anyMatch(table -> table.status() == Status.WARN)) {
      status = Status.WARN;
    } else {
      status = Status.PASS;
    }
    String summary;
    if (stoppedBecause.isPresent()) {
      summary =
          "could not finish after "
              + tables.size()
              + " of "
              + tablesCovered
              + " tables: "
              + stoppedBecause.get();
    } else if (tables.isEmpty()) {
      summary = "no table was compared: " + primary + " shows no table the filter covers";
    } else if (drifting > 0) {
      long differ = drifting - unfinished;
      String ofAll = " of " + tables.size() + (tables.size() == 1 ? " table" : " tables");
      summary =
          (differ > 0 ? differ + ofAll + (differ == 1 ? " differs" : " differ") : "")
              + (differ > 0 && unfinished > 0 ? ", " : "")
              + (unfinished > 0 ? unfinished + ofAll + " could not finish" : "");
    } else {
      long rows = tables.stream().mapToLong(TableDataResult::rowsNew).sum();
      summary =
          String.format(
              Locale.ROOT,
              "%d %s, %,d rows identical to %s",
              tables.size(),
              tables.size() == 1 ? "table" : "tables",
              rows,
              primary);
    }
    return new ReplicaDataResult(cluster, replica, primary, status, finished, summary, tables);
  }

  /** The exit-code bits it sets: its tables' (1 drift, 64 not finished), and 64 if it stopped. */
  public int exitBits() {
    int bits = finished ? 0 : CheckFamily.COULD_NOT_FINISH_BIT;
    for (TableDataResult table : tables) {
      bits |= table.exitBit();
    }
    return status == Status.FAIL && bits == 0 ? CheckFamily.DATA.bit() : bits;
  }

  /** {@code old-replica (old cluster)}: how reports name it. */
  public String label() {
    return replica + " (" + cluster + " cluster)";
  }
}
