package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @TempDir Path dir;

  @Test
  void anEmptyOrMissingFolderHoldsNoComparison() throws Exception {
    assertThat(ReportFiles.readLatest(dir)).isEmpty();
    assertThat(ReportFiles.readLatest(dir.resolve("not-yet"))).isEmpty();
  }

  @Test
  void theMostRecentlyFinishedPhaseIsReadBackWithBothDocuments() throws Exception {
    LatestComparison post = LatestComparison.render(report(Phase.POST, "2025-03-02T08:00:00Z"));
    LatestComparison pre = LatestComparison.render(report(Phase.PRE, "2025-03-01T08:00:00Z"));
    List<Path> written = ReportFiles.write(dir, post);
    ReportFiles.write(dir, pre);

    assertThat(written)
        .containsExactly(dir.resolve("compare-post.html"), dir.resolve("compare-post.json"));
    assertThat(ReportFiles.readLatest(dir)).contains(post);
  }

  @Test
  void aFileThatIsNotAReportIsNamed() throws Exception {
    Files.writeString(dir.resolve("compare-pre.json"), "{\"formatVersion\": 7}");

    assertThatThrownBy(() -> ReportFiles.readLatest(dir))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith(dir.resolve("compare-pre.json").toString())
        .hasMessageContaining("formatVersion");
  }

  private static ComparisonReport report(Phase phase, String finished) {
    Instant finishedAt = Instant.parse(finished);
    return ComparisonReport.of(
        phase,
        finishedAt.minusSeconds(60),
        finishedAt,
        List.of("old-primary"),
        List.of("new-primary"),
        List.of(),
        List.of());
  }
}
