package io.ferry.lineprotocol.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per second of CPU time, so that a machine shared with other work still gives the
 * figure per core: the JMH worker threads' CPU time ({@code ·ops-per-worker-cpu-s}, the parse
 * alone) and the whole forked JVM's ({@code ·ops-per-process-cpu-s}, with the garbage collector and
 * the JIT compiler). Wall-clock throughput drops when other processes take the cores; these drop
 * only as far as caches and frequency suffer.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long workerCpuBefore;
  private long processCpuBefore;

  @Override
  public String getDescription() {
    return "operations per CPU-second (worker threads, whole JVM)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    workerCpuBefore = workerCpuNanos();
    processCpuBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    double ops = result.getMetadata().getMeasuredOps();
    double workerSeconds = (workerCpuNanos() - workerCpuBefore) / 1e9;
    double processSeconds = (os.getProcessCpuTime() - processCpuBefore) / 1e9;
    return List.of(
        new ScalarResult(
            "ops-per-worker-cpu-s", ops / workerSeconds, "ops/cpu-s", AggregationPolicy.AVG),
        new ScalarResult(
            "ops-per-process-cpu-s", ops / processSeconds, "ops/cpu-s", AggregationPolicy.AVG));
  }

  /** CPU time of the live JMH worker threads (they live across iterations). */
  private long workerCpuNanos() {
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("jmh-worker")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }
}
