package io.ferry.cutover;

import io.ferry.cutover.check.HeartbeatReader;
import io.ferry.cutover.data.LoadLimit;
import io.ferry.cutover.data.ProgressListener;
import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.mysqlfacts.HeartbeatTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a comparison runs. Build with {@link #builder()}; every option has a default, documented on
 * its builder method, and is validated in {@link Builder#build()}.
 */
public final class ComparisonOptions {

  /** Chunk checksums each primary runs at once unless told otherwise. */
  public static final int DEFAULT_CHUNK_PARALLELISM = 2;

  /** The most chunk checksums one primary may be asked to run at once. */
  public static final int MAX_CHUNK_PARALLELISM = 8;

  private final Phase phase;
  private final Duration maxReplicaLag;
  private final Duration gtidWaitTimeout;
  private final String heartbeatTable;
  private final Duration chunkTargetTime;
  private final int initialChunkRows;
  private final int minChunkRows;
  private final int maxChunkRows;
  private final int chunkParallelism;
  private final List<LoadLimit> maxLoad;
  private final boolean showValues;
  private final boolean dataOnReplicas;
  private final Duration throttlePause;
  private final Duration maxThrottleWait;
  private final int recheckAttempts;
  private final int rowDetailLimit;
  private final TableFilter tableFilter;
  private final Path checkpointFile;
  private final ProgressListener progressListener;
  private final Set<String> expectedConfigDifferences;
  private final Set<String> ignoredUsers;
  private final Duration connectTimeout;
  private final Duration statementTimeout;
  private final Duration trafficWindow;
  private final ComparisonReport previousReport;
  private final double maxRowCountChange;
  private final Duration maxPreviousReportAge;

  private ComparisonOptions(Builder b) {
    phase = b.phase;
    maxReplicaLag = b.maxReplicaLag;
    gtidWaitTimeout = b.gtidWaitTimeout;
    heartbeatTable = b.heartbeatTable;
    chunkTargetTime = b.chunkTargetTime;
    initialChunkRows = b.initialChunkRows;
    minChunkRows = b.minChunkRows;
    maxChunkRows = b.maxChunkRows;
    chunkParallelism = b.chunkParallelism;
    maxLoad = b.maxLoad;
    showValues = b.showValues;
    dataOnReplicas = b.dataOnReplicas;
    throttlePause = b.throttlePause;
    maxThrottleWait = b.maxThrottleWait;
    recheckAttempts = b.recheckAttempts;
    rowDetailLimit = b.rowDetailLimit;
    tableFilter = b.tableFilter;
    checkpointFile = b.checkpointFile;
    progressListener = b.progressListener;
    expectedConfigDifferences = Set.copyOf(b.expectedConfigDifferences);
    ignoredUsers = Set.copyOf(b.ignoredUsers);
    connectTimeout = b.connectTimeout;
    statementTimeout = b.statementTimeout;
    trafficWindow = b.trafficWindow;
    previousReport = b.previousReport;
    maxRowCountChange = b.maxRowCountChange;
    maxPreviousReportAge = b.maxPreviousReportAge;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults, for the pre-cutover phase. */
  public static ComparisonOptions defaults() {
    return builder().build();
  }

  /** See {@link Builder#phase(Phase)}. */
  public Phase phase() {
    return phase;
  }

  /** See {@link Builder#maxReplicaLag(Duration)}. */
  public Duration maxReplicaLag() {
    return maxReplicaLag;
  }

  /** See {@link Builder#gtidWaitTimeout(Duration)}. */
  public Duration gtidWaitTimeout() {
    return gtidWaitTimeout;
  }

  /** See {@link Builder#heartbeatTable(String)}. */
  public String heartbeatTable() {
    return heartbeatTable;
  }

  /** See {@link Builder#chunkParallelism(int)}. */
  public int chunkParallelism() {
    return chunkParallelism;
  }

  /** See {@link Builder#chunkTargetTime(Duration)}. */
  public Duration chunkTargetTime() {
    return chunkTargetTime;
  }

  /** See {@link Builder#chunkRows(int, int, int)}. */
  public int initialChunkRows() {
    return initialChunkRows;
  }

  /** See {@link Builder#chunkRows(int, int, int)}. */
  public int minChunkRows() {
    return minChunkRows;
  }

  /** See {@link Builder#chunkRows(int, int, int)}. */
  public int maxChunkRows() {
    return maxChunkRows;
  }

  /** See {@link Builder#maxLoad(List)}. */
  public List<LoadLimit> maxLoad() {
    return maxLoad;
  }

  /** See {@link Builder#showValues(boolean)}. */
  public boolean showValues() {
    return showValues;
  }

  /** See {@link Builder#dataOnReplicas(boolean)}. */
  public boolean dataOnReplicas() {
    return dataOnReplicas;
  }

  /** See {@link Builder#throttlePause(Duration)}. */
  public Duration throttlePause() {
    return throttlePause;
  }

  /** See {@link Builder#maxThrottleWait(Duration)}. */
  public Duration maxThrottleWait() {
    return maxThrottleWait;
  }

  /** See {@link Builder#recheckAttempts(int)}. */
  public int recheckAttempts() {
    return recheckAttempts;
  }

  /** See {@link Builder#rowDetailLimit(int)}. */
  public int rowDetailLimit() {
    return rowDetailLimit;
  }

  /** See {@link Builder#tableFilter(TableFilter)}. */
  public TableFilter tableFilter() {
    return tableFilter;
  }

  /** See {@link Builder#checkpointFile(Path)}. */
  public Optional<Path> checkpointFile() {
    return Optional.ofNullable(checkpointFile);
  }

  /** See {@link Builder#progressListener(ProgressListener)}. */
  public ProgressListener progressListener() {
    return progressListener;
  }

  /** See {@link Builder#expectConfigDifference(String)}. */
  public Set<String> expectedConfigDifferences() {
    return expectedConfigDifferences;
  }

  /** See {@link Builder#ignoreUser(String)}. */
  public Set<String> ignoredUsers() {
    return ignoredUsers;
  }

  /** See {@link Builder#connectTimeout(Duration)}. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** See {@link Builder#statementTimeout(Duration)}. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** See {@link Builder#trafficWindow(Duration)}. */
  public Duration trafficWindow() {
    return trafficWindow;
  }

  /** See {@link Builder#previousReport(ComparisonReport)}. */
  public Optional<ComparisonReport> previousReport() {
    return Optional.ofNullable(previousReport);
  }

  /** See {@link Builder#maxRowCountChange(double)}. */
  public double maxRowCountChange() {
    return maxRowCountChange;
  }

  /** See {@link Builder#maxPreviousReportAge(Duration)}. */
  public Duration maxPreviousReportAge() {
    return maxPreviousReportAge;
  }

  /**
   * The options a person chose, for the report and for help texts: names as the command line spells
   * them ({@code max-lag}), values as it reads them ({@code 5s}). Holds no secret (passwords are
   * not options).
   */
  public Map<String, String> describe() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("phase", phase.label());
    options.put("include", String.join(",", tableFilter.include()));
    options.put("exclude", String.join(",", tableFilter.exclude()));
    options.put("max-lag", text(maxReplicaLag));
    options.put("max-load", LoadLimit.format(maxLoad));
    options.put("chunk-time", text(chunkTargetTime));
    options.put("chunk-size-min", Integer.toString(minChunkRows));
    options.put("chunk-size-max", Integer.toString(maxChunkRows));
    options.put("chunk-parallelism", Integer.toString(chunkParallelism));
    options.put("heartbeat-table", heartbeatTable);
    options.put("show-values", Boolean.toString(showValues));
    options.put("data-on-replicas", Boolean.toString(dataOnReplicas));
    options.put(
        "expect-difference",
        String.join(",", expectedConfigDifferences.stream().sorted().toList()));
    options.put("ignore-user", String.join(",", ignoredUsers.stream().sorted().toList()));
    options.put("resume", checkpointFile == null ? "" : checkpointFile.toString());
    options.put(
        "baseline", previousReport == null ? "" : "report of " + previousReport.startedAt());
    options.put("gtid-wait-timeout", text(gtidWaitTimeout));
    options.put("throttle-pause", text(throttlePause));
    options.put("max-throttle-wait", text(maxThrottleWait));
    options.put("connect-timeout", text(connectTimeout));
    options.put("statement-timeout", text(statementTimeout));
    return options;
  }

  /** A duration as the command line and the YAML read it: {@code 250ms}, {@code 5s}, {@code 2m}. */
  public static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds % 3600 == 0 && seconds > 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0 && seconds > 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** Builds {@link ComparisonOptions}. */
  public static final class Builder {
    private Phase phase = Phase.PRE;
    private Duration maxReplicaLag = Duration.ofSeconds(5);
    private Duration gtidWaitTimeout = Duration.ofSeconds(30);
    private String heartbeatTable = HeartbeatTable.DEFAULT_NAME;
    private Duration chunkTargetTime = Duration.ofMillis(200);
    private int initialChunkRows = 1000;
    private int minChunkRows = 10;
    private int maxChunkRows = 200_000;
    private int chunkParallelism = DEFAULT_CHUNK_PARALLELISM;
    private List<LoadLimit> maxLoad = List.of(new LoadLimit("Threads_running", 25));
    private boolean showValues;
    private boolean dataOnReplicas;
    private Duration throttlePause = Duration.ofMillis(500);
    private Duration maxThrottleWait = Duration.ofMinutes(5);
    private int recheckAttempts = 5;
    private int rowDetailLimit = 100;
    private TableFilter tableFilter = TableFilter.ALL;
    private Path checkpointFile;
    private ProgressListener progressListener = ProgressListener.NONE;
    private final Set<String> expectedConfigDifferences = new LinkedHashSet<>();
    private final Set<String> ignoredUsers = new LinkedHashSet<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration statementTimeout = Duration.ofMinutes(5);
    private Duration trafficWindow = Duration.ofSeconds(10);
    private ComparisonReport previousReport;
    private double maxRowCountChange = 0.25;
    private Duration maxPreviousReportAge = Duration.ofDays(7);

    private Builder() {}

    /** Before or after the traffic switch; default {@link Phase#PRE}. */
    public Builder phase(Phase phase) {
      this.phase = Objects.requireNonNull(phase, "phase");
      return this;
    }

    /**
     * Largest acceptable replication lag on any replica thread, in both directions of
     * master/master; above it replication FAILs and the data comparison pauses (as
     * pt-table-checksum's {@code --max-lag}). Lag is the age of the source's pt-heartbeat row where
     * a replica has the {@link #heartbeatTable heartbeat table}, else {@code
     * Seconds_Behind_Master}. Default 5 s: the one default of the command line ({@code --max-lag}),
     * the YAML ({@code compare.max_lag}) and this library.
     */
    public Builder maxReplicaLag(Duration maxReplicaLag) {
      this.maxReplicaLag = maxReplicaLag;
      return this;
    }

    /**
     * How long to wait for one side to apply the other's GTID position (before a differing chunk is
     * re-checked, when checking that the new side contains the old side's transactions, and for a
     * replica to apply its primary's position before each of its chunks with {@link
     * #dataOnReplicas}). Default 30 s.
     */
    public Builder gtidWaitTimeout(Duration gtidWaitTimeout) {
      this.gtidWaitTimeout = gtidWaitTimeout;
      return this;
    }

    /**
     * The pt-heartbeat table, {@code database.table}. On a replica that has it, a channel's lag is
     * the age of the row its source wrote ({@code ts} in UTC, as {@code pt-heartbeat --update
     * --utc} and the Ferry agent write it), measured by the replica's clock; elsewhere lag is
     * {@code Seconds_Behind_Master}. Default {@code percona.heartbeat}, pt-heartbeat's default.
     */
    public Builder heartbeatTable(String heartbeatTable) {
      this.heartbeatTable = heartbeatTable;
      return this;
    }

    /**
     * Time one chunk's hash should take on the slower side (pt-table-checksum's {@code
     * --chunk-time}); chunk sizes adapt within {@link #chunkRowBounds the bounds}. Default 200 ms,
     * a statement still short enough to hold back purge little (pt-table-checksum's default is 500
     * ms): with {@link #chunkParallelism two chunks at once} each statement shares the server with
     * the other, so 200 ms reads about as many rows as 100 ms did alone, and fewer, longer chunks
     * cost less per row (see the cutover section of {@code docs/benchmarks.md}). With both sides
     * starting each chunk together a write rarely makes a chunk differ, so a re-check (the chunk
     * read again whole) stays rare at this length.
     */
    public Builder chunkTargetTime(Duration chunkTargetTime) {
      this.chunkTargetTime = chunkTargetTime;
      return this;
    }

    /**
     * How many chunk checksums each primary runs at once, each on a connection of its own; both
     * primaries still start each chunk together. Default {@value #DEFAULT_CHUNK_PARALLELISM}: one
     * statement at a time leaves a core idle whenever the server waits for a page or the other
     * primary, and a second one fills those gaps (measured in the cutover section of {@code
     * docs/benchmarks.md}); {@code 1} runs one statement at a time per primary, as
     * pt-table-checksum does. At most {@value #MAX_CHUNK_PARALLELISM}.
     */
    public Builder chunkParallelism(int chunkParallelism) {
      this.chunkParallelism = chunkParallelism;
      return this;
    }

    /**
     * Rows in the first chunk of each table and the bounds chunk sizes adapt within. Defaults 1,000
     * rows to start, at least 10, at most 200,000.
     */
    public Builder chunkRows(int initial, int min, int max) {
      this.initialChunkRows = initial;
      this.minChunkRows = min;
      this.maxChunkRows = max;
      return this;
    }

    /**
     * Fewest and most rows per chunk ({@code --chunk-size-min}, {@code --chunk-size-max}); the
     * first chunk's size is kept within them. Defaults 10 and 200,000.
     */
    public Builder chunkRowBounds(int min, int max) {
      this.minChunkRows = min;
      this.maxChunkRows = max;
      this.initialChunkRows = Math.max(min, Math.min(max, initialChunkRows));
      return this;
    }

    /**
     * Highest values of global status variables on either primary before the data comparison
     * pauses, as pt-table-checksum's {@code --max-load} (any variable {@code SHOW GLOBAL STATUS}
     * reports as a number). Default {@code Threads_running=25}; an empty list turns the check off.
     */
    public Builder maxLoad(List<LoadLimit> maxLoad) {
      this.maxLoad = List.copyOf(maxLoad);
      return this;
    }

    /**
     * Whether a differing row's differing column values go into the report (cut to 64 characters),
     * besides the column names. Never for columns whose names look like secrets (see {@link
     * io.ferry.cutover.data.SecretColumns}). Default false: reports name columns only, since they
     * are shared and stored.
     */
    public Builder showValues(boolean showValues) {
      this.showValues = showValues;
      return this;
    }

    /**
     * Whether each replica's data is also compared with its own primary's, in both clusters
     * (pt-table-checksum's job): chunk by chunk with the same row hash, each chunk read on the
     * primary inside a consistent snapshot and on the replica once it has applied the primary's
     * GTID position then ({@link #gtidWaitTimeout the wait} bounded), so a replica that silently
     * diverged is found before it is promoted. A replica that does not catch up in time is reported
     * as not compared (could not finish), never as a pass. Default false: the run reads every
     * replica once more, which costs about as much as the clusters' own data comparison.
     */
    public Builder dataOnReplicas(boolean dataOnReplicas) {
      this.dataOnReplicas = dataOnReplicas;
      return this;
    }

    /** How long to pause before measuring load again while throttled. Default 500 ms. */
    public Builder throttlePause(Duration throttlePause) {
      this.throttlePause = throttlePause;
      return this;
    }

    /**
     * Longest total pause for one chunk while throttled; past it the comparison stops as "could not
     * finish". Default 5 min.
     */
    public Builder maxThrottleWait(Duration maxThrottleWait) {
      this.maxThrottleWait = maxThrottleWait;
      return this;
    }

    /**
     * How many times a differing chunk is re-checked after both sides caught up before it is
     * reported as drift. Default 5.
     */
    public Builder recheckAttempts(int recheckAttempts) {
      this.recheckAttempts = recheckAttempts;
      return this;
    }

    /**
     * Largest drifting chunk (in rows, either side) whose rows are listed one by one; larger
     * drifting chunks are split into chunks of this size to find the rows. Default 100.
     */
    public Builder rowDetailLimit(int rowDetailLimit) {
      this.rowDetailLimit = rowDetailLimit;
      return this;
    }

    /** Databases and tables to cover (schema and data). Default: all but the system schemas. */
    public Builder tableFilter(TableFilter tableFilter) {
      this.tableFilter = Objects.requireNonNull(tableFilter, "tableFilter");
      return this;
    }

    /**
     * JSON file recording finished tables and the last finished chunk; when it exists, the data
     * comparison resumes from it. Default: none (no resume).
     */
    public Builder checkpointFile(Path checkpointFile) {
      this.checkpointFile = checkpointFile;
      return this;
    }

    /** Told the progress after every chunk. Default: nobody. */
    public Builder progressListener(ProgressListener progressListener) {
      this.progressListener = Objects.requireNonNull(progressListener, "progressListener");
      return this;
    }

    /**
     * Adds a global variable (or a name pattern ending in {@code *}) that may differ between the
     * clusters, on top of the built-in list (server_id, offsets, host names, paths, ...).
     */
    public Builder expectConfigDifference(String variable) {
      this.expectedConfigDifferences.add(variable.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Leaves a user out of the grants comparison, as {@code user@host} ({@code *} in either part
     * matches anything). Default: none.
     */
    public Builder ignoreUser(String userAtHost) {
      this.ignoredUsers.add(userAtHost);
      return this;
    }

    /** How long to wait for a server to accept a connection. Default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** How long one statement may take before its connection is given up. Default 5 min. */
    public Builder statementTimeout(Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
      return this;
    }

    /**
     * How long the post-cutover traffic checks watch both primaries (query rate, writes still
     * reaching the old primary). Default 10 s.
     */
    public Builder trafficWindow(Duration trafficWindow) {
      this.trafficWindow = trafficWindow;
      return this;
    }

    /**
     * The pre-cutover report to compare the post-cutover results with (checks that passed then and
     * fail now, tables gone or drifting since, a switch made on a NO-GO). Post phase only. Default:
     * none (no comparison with an earlier report).
     */
    public Builder previousReport(ComparisonReport previousReport) {
      this.previousReport = previousReport;
      return this;
    }

    /**
     * Largest change of a table's row count since the previous report, as a fraction of the earlier
     * count, before it is flagged (WARN only: writes go on between the two runs). Default 0.25
     * (25%).
     */
    public Builder maxRowCountChange(double maxRowCountChange) {
      this.maxRowCountChange = maxRowCountChange;
      return this;
    }

    /**
     * Oldest a previous report may be (from its end to this run's start) before it is flagged as
     * stale (WARN). Default 7 days.
     */
    public Builder maxPreviousReportAge(Duration maxPreviousReportAge) {
      this.maxPreviousReportAge = maxPreviousReportAge;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException naming the option whose value is out of range
     */
    public ComparisonOptions build() {
      positive("maxReplicaLag", maxReplicaLag);
      positive("gtidWaitTimeout", gtidWaitTimeout);
      if (!HeartbeatReader.isValidName(heartbeatTable)) {
        throw new IllegalArgumentException(
            "heartbeatTable must be of the form database.table, was " + heartbeatTable);
      }
      positive("chunkTargetTime", chunkTargetTime);
      if (chunkParallelism < 1 || chunkParallelism > MAX_CHUNK_PARALLELISM) {
        throw new IllegalArgumentException(
            "chunkParallelism must be between 1 and "
                + MAX_CHUNK_PARALLELISM
                + ", was "
                + chunkParallelism);
      }
      positive("throttlePause", throttlePause);
      positive("maxThrottleWait", maxThrottleWait);
      positive("connectTimeout", connectTimeout);
      positive("statementTimeout", statementTimeout);
      positive("trafficWindow", trafficWindow);
      positive("maxPreviousReportAge", maxPreviousReportAge);
      if (!(maxRowCountChange > 0) || Double.isInfinite(maxRowCountChange)) {
        throw new IllegalArgumentException(
            "maxRowCountChange must be a positive fraction, was " + maxRowCountChange);
      }
      if (previousReport != null) {
        requirePreviousReportFits();
      }
      if (minChunkRows < 1 || initialChunkRows < minChunkRows || maxChunkRows < initialChunkRows) {
        throw new IllegalArgumentException(
            "chunkRows must satisfy 1 <= min <= initial <= max, was min="
                + minChunkRows
                + " initial="
                + initialChunkRows
                + " max="
                + maxChunkRows);
      }
      atLeast("recheckAttempts", recheckAttempts, 0);
      atLeast("rowDetailLimit", rowDetailLimit, 1);
      return new ComparisonOptions(this);
    }

    private void requirePreviousReportFits() {
      if (phase != Phase.POST) {
        throw new IllegalArgumentException(
            "previousReport applies to the post phase only, this comparison is " + phase.label());
      }
      if (previousReport.phase() != Phase.PRE) {
        throw new IllegalArgumentException(
            "previousReport must be a pre-cutover report, was a "
                + previousReport.phase().label()
                + "-cutover report of "
                + previousReport.startedAt());
      }
    }

    private static void positive(String option, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(option + " must be a positive duration, was " + value);
      }
    }

    private static void atLeast(String option, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
      }
    }
  }
}
