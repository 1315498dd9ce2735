package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ferry.cutover.Phase;
import java.util.List;
import java.util.Map;

/**
 * The JSON report's top level, bound field by field by Jackson (the layout is documented in {@code
 * docs/compare-report.md}); the nested results are the report's own records. Differs from {@link
 * ComparisonReport} where the document stores text the model types: the phase, the instants, and
 * the verdict and exit code, which a reader checks against the results instead of trusting.
 */
record ReportDocument(
    @JsonProperty(required = true) int formatVersion,
    @JsonProperty(required = true) String ferryVersion,
    @JsonProperty(required = true) String phase,
    @JsonProperty(required = true) String startedAt,
    @JsonProperty(required = true) String finishedAt,
    @JsonProperty(required = true) Verdict verdict,
    @JsonProperty(required = true) int exitCode,
    @JsonProperty(required = true) List<String> oldEndpoints,
    @JsonProperty(required = true) List<String> newEndpoints,
    @JsonProperty(required = true) Map<String, String> options,
    @JsonProperty(required = true) List<CheckResult> checks,
    @JsonProperty(required = true) List<TableDataResult> tables,
    @JsonProperty(required = true) List<ReplicaDataResult> replicas) {

  /** The document of a report, in the current format. */
  static ReportDocument of(ComparisonReport report) {
    return new ReportDocument(
        ReportJson.FORMAT_VERSION,
        report.run().ferryVersion(),
        report.phase().label(),
        report.startedAt().toString(),
        report.finishedAt().toString(),
        report.verdict(),
        report.exitCode(),
        report.oldEndpoints(),
        report.newEndpoints(),
        report.run().options(),
        report.checks(),
        report.tables(),
        report.replicas());
  }

  /** The phase this document names; empty unless it is exactly {@code pre} or {@code post}. */
  java.util.Optional<Phase> parsedPhase() {
    return Phase.parse(phase).filter(parsed -> parsed.label().equals(phase));
  }
}
