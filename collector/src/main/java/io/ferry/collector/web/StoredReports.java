package io.ferry.collector.web;

import io.ferry.collector.compare.ComparisonSummary;
import io.ferry.collector.compare.ReportFiles;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ReportJsonReader;
import io.ferry.dashboards.page.StoredReportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The comparison reports kept in {@code compare.report_dir} (one per phase, as {@link ReportFiles}
 * writes them), listed for the cutover page and served under {@value #PREFIX}. Read only; blocking
 * file I/O, so called on the pages' worker pool.
 */
final class StoredReports {

  /** Where the pages serve a stored report: {@code /cutover/reports/compare-pre.html}. */
  static final String PREFIX = "/cutover/reports/";

  /** The two documents of a report. */
  enum Format {
    HTML("text/html; charset=utf-8"),
    JSON("application/json");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }
  }

  /** A file the pages serve: the report of one phase in one format. */
  record Document(Phase phase, Format format) {

    /** The document named {@code name} ({@code compare-post.json}); empty for any other name. */
    static Optional<Document> named(String name) {
      for (Phase phase : Phase.values()) {
        for (Format format : Format.values()) {
          if (name.equals(fileName(phase, format))) {
            return Optional.of(new Document(phase, format));
          }
        }
      }
      return Optional.empty();
    }

    Path path(Path dir) {
      return format == Format.HTML ? ReportFiles.html(dir, phase) : ReportFiles.json(dir, phase);
    }
  }

  private StoredReports() {}

  /**
   * The stored reports, {@code pre} first.
   *
   * @throws IOException when a report cannot be read or is not a report, naming the file
   */
  static List<StoredReportRow> list(Path dir) throws IOException {
    List<StoredReportRow> rows = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      Path json = ReportFiles.json(dir, phase);
      if (!Files.isRegularFile(json)) {
        continue;
      }
      ComparisonSummary summary =
          ComparisonSummary.of(
              new ReportJsonReader()
                  .parse(Files.readString(json, StandardCharsets.UTF_8), json.toString()));
      rows.add(
          new StoredReportRow(
              phase.name().toLowerCase(Locale.ROOT),
              summary.verdict().name(),
              summary.startedAt(),
              summary.finishedAt(),
              PREFIX + fileName(phase, Format.HTML),
              PREFIX + fileName(phase, Format.JSON)));
    }
    return rows;
  }

  /** The file's name as {@link ReportFiles} writes it: {@code compare-pre.html}. */
  private static String fileName(Phase phase, Format format) {
    return new Document(phase, format).path(Path.of("")).getFileName().toString();
  }
}
