package io.ferry.collector.compare;

import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.CutoverComparison;
import io.ferry.cutover.report.ComparisonReport;

/**
 * Runs one cutover comparison; blocking, so only ever called on a worker thread. The collector uses
 * {@link #standard()}; tests wrap it to hold a run open.
 */
@FunctionalInterface
public interface ComparisonRunner {

  /** Compares the clusters; see {@link CutoverComparison#run}. */
  ComparisonReport run(ClusterTopology topology, ComparisonOptions options)
      throws InterruptedException;

  /** The full comparison with the standard check families. */
  static ComparisonRunner standard() {
    return (topology, options) -> new CutoverComparison().run(topology, options);
  }
}
