package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The data comparison of one table.
 *
 * @param database schema name
 * @param table table name
 * @param status PASS when every chunk matched; WARN when it matched but had no primary key (hashed
 *     as one chunk); FAIL on drift or when it could not finish
 * @param finished false when the comparison stopped early (error, timeout): then a FAIL sets the
 *     could-not-finish bit instead of the data bit
 * @param summary one line for the terminal
 * @param rowsOld rows counted on the old side
 * @param rowsNew rows counted on the new side
 * @param chunks chunks compared
 * @param rechecks chunks that differed at first and matched once both sides had caught up
 * @param drift chunks that kept differing, with their key ranges
 */
public record TableDataResult(
    @JsonProperty(required = true) String database,
    @JsonProperty(required = true) String table,
    @JsonProperty(required = true) Status status,
    @JsonProperty(required = true) boolean finished,
    @JsonProperty(required = true) String summary,
    @JsonProperty(required = true) long rowsOld,
    @JsonProperty(required = true) long rowsNew,
    @JsonProperty(required = true) int chunks,
    @JsonProperty(required = true) int rechecks,
    @JsonProperty(required = true) List<ChunkDrift> drift) {

  public TableDataResult {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    drift = List.copyOf(drift);
  }

  /** {@code database.table}. */
  public String qualifiedName() {
    return database + "." + table;
  }

  /** Rows listed as differing, over all drifting key ranges. */
  public long differingRows() {
    return drift.stream().mapToLong(chunk -> chunk.rows().size()).sum();
  }

  /** Every row listed as differing, in the order found. */
  public List<RowDifference> differingRowList() {
    return drift.stream().flatMap(chunk -> chunk.rows().stream()).toList();
  }

  /** The exit-code bit this table sets: 0 unless it failed. */
  public int exitBit() {
    if (status != Status.FAIL) {
      return 0;
    }
    return finished ? CheckFamily.DATA.bit() : CheckFamily.COULD_NOT_FINISH_BIT;
  }
}
