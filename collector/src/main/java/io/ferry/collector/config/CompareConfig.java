package io.ferry.collector.config;

import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.Phase;
import io.ferry.cutover.data.TableFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cutover comparison the collector runs on {@code POST /api/v1/compare} and, when {@code
 * schedule} is set, by itself ({@code compare:}). The section is optional: without it the
 * comparison endpoints answer 404.
 *
 * @param oldCluster the cluster traffic moves away from ({@code compare.old}); required
 * @param newCluster the cluster traffic moves to ({@code compare.new}); required
 * @param phase before or after the traffic switch ({@code compare.phase}: {@code pre} or {@code
 *     post}); default {@code pre}
 * @param tableFilter the databases and tables compared ({@code compare.include} and {@code
 *     compare.exclude}, patterns {@code db} or {@code db.table} with {@code *} as wildcard);
 *     default every database but the system schemas
 * @param throttling replication-lag bound, load ceilings and chunk sizing ({@code compare.max_lag},
 *     {@code max_load}, {@code chunk_time}, {@code chunk_size_min}, {@code chunk_size_max});
 *     defaults from the comparison library
 * @param showValues whether reports carry the old and new values of differing columns ({@code
 *     compare.show_values}), never for secret-looking columns; default false
 * @param dataOnReplicas whether each replica's data is also compared with its own primary's,
 *     GTID-aligned ({@code compare.data_on_replicas}); default from the comparison library (false)
 * @param gtidWaitTimeout longest wait for a server to apply another's GTID position ({@code
 *     compare.gtid_wait_timeout}): a primary before a differing chunk is re-checked, a replica
 *     before each of its chunks; default from the comparison library (30s)
 * @param expectedDifferences global variables expected to differ between the clusters ({@code
 *     compare.expect_differences}), on top of the built-in list; default none
 * @param schedule how often the comparison runs by itself ({@code compare.schedule}); zero means
 *     only on demand; default 0
 * @param reportDir folder that receives {@code compare-<phase>.html} and {@code .json} after every
 *     run, and from which the latest report is read back at start-up ({@code compare.report_dir};
 *     relative to the configuration file's folder); default none: the latest report lives in memory
 *     only and is lost on restart
 */
public record CompareConfig(
    ClusterConfig oldCluster,
    ClusterConfig newCluster,
    Phase phase,
    TableFilter tableFilter,
    CompareThrottling throttling,
    boolean showValues,
    boolean dataOnReplicas,
    Duration gtidWaitTimeout,
    List<String> expectedDifferences,
    Duration schedule,
    Optional<Path> reportDir) {

  public static final Phase DEFAULT_PHASE = Phase.PRE;
  public static final Duration DEFAULT_SCHEDULE = Duration.ZERO;

  public CompareConfig {
    expectedDifferences = List.copyOf(expectedDifferences);
  }

  /** Whether the comparison runs by itself every {@link #schedule()}. */
  public boolean scheduled() {
    return !schedule.isZero();
  }

  /** Both clusters as the comparison sees them. */
  public ClusterTopology topology() {
    return new ClusterTopology(oldCluster.nodes("old"), newCluster.nodes("new"));
  }

  /** The comparison's options: these settings, the comparison's defaults for the rest. */
  public ComparisonOptions options() {
    var builder =
        throttling
            .applyTo(ComparisonOptions.builder())
            .phase(phase)
            .showValues(showValues)
            .dataOnReplicas(dataOnReplicas)
            .gtidWaitTimeout(gtidWaitTimeout)
            .tableFilter(tableFilter);
    expectedDifferences.forEach(builder::expectConfigDifference);
    return builder.build();
  }
}
