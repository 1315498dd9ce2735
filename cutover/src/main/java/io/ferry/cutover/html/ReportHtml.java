package io.ferry.cutover.html;

import static io.ferry.cutover.html.Html.escape;

import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.cutover.report.Verdict;
import io.ferry.dashboards.chart.BarChartSpec;
import io.ferry.dashboards.chart.PngChartRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ComparisonReport} as one self-contained HTML page: the verdict first, then what
 * failed, the charts (PNG, embedded as data URIs), every check with its evidence, and the data
 * comparison per table. Every piece of data is escaped.
 */
public final class ReportHtml {

  private static final int CHART_WIDTH = 720;

  private ReportHtml() {}

  /** The whole page. Draws charts, so it takes some tens of milliseconds. */
  public static String render(ComparisonReport report) {
    var page = new StringBuilder(64 * 1024);
    boolean go = report.verdict() == Verdict.GO;
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Ferry cutover comparison: ")
        .append(go ? "GO" : "NO-GO")
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    header(page, report, go);
    failures(page, report);
    charts(page, report);
    checks(page, report);
    tables(page, report);
    page.append("</body></html>\n");
    return page.toString();
  }

  private static void header(StringBuilder page, ComparisonReport report, boolean go) {
    page.append("<h1 class=\"")
        .append(go ? "go" : "nogo")
        .append("\">")
        .append(go ? "GO" : "NO-GO")
        .append("</h1>\n<p>Phase <b>")
        .append(escape(report.phase().toString().toLowerCase(Locale.ROOT)))
        .append("</b>, started ")
        .append(escape(report.startedAt().toString()))
        .append(", took ")
        .append(escape(formatDuration(Duration.between(report.startedAt(), report.finishedAt()))))
        .append(". Exit code <b>")
        .append(report.exitCode())
        .append("</b>")
        .append(
            report.exitCode() == 0
                ? ""
                : " (" + escape(String.join(", ", CheckFamily.namesOf(report.exitCode()))) + ")")
        .append(".</p>\n<table class=\"endpoints\"><tr><th>old cluster</th><td>")
        .append(escape(String.join(", ", report.oldEndpoints())))
        .append("</td></tr><tr><th>new cluster</th><td>")
        .append(escape(String.join(", ", report.newEndpoints())))
        .append("</td></tr></table>\n");
    options(page, report);
  }

  private static void options(StringBuilder page, ComparisonReport report) {
    page.append("<details><summary>Ferry ")
        .append(escape(report.run().ferryVersion()))
        .append(", options</summary><table class=\"options\">");
    report
        .run()
        .options()
        .forEach(
            (name, value) ->
                page.append("<tr><th>")
                    .append(escape(name))
                    .append("</th><td>")
                    .append(escape(value))
                    .append("</td></tr>"));
    page.append("</table></details>\n");
  }

  private static void failures(StringBuilder page, ComparisonReport report) {
    List<String> lines = new ArrayList<>();
    for (CheckResult check : report.checks()) {
      if (check.status() == Status.FAIL) {
        lines.add(check.family() + " / " + check.name() + ": " + check.summary());
      }
    }
    for (TableDataResult table : report.tables()) {
      if (table.status() == Status.FAIL) {
        lines.add("data / " + table.qualifiedName() + ": " + table.summary());
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    page.append("<h2>What blocks the switch</h2>\n<ul class=\"fail\">");
    for (String line : lines) {
      page.append("<li>").append(escape(line)).append("</li>");
    }
    page.append("</ul>\n");
  }

  private static void charts(StringBuilder page, ComparisonReport report) {
    page.append("<h2>Overview</h2>\n");
    chart(page, ReportCharts.checksByFamily(report), 280);
    var drift = ReportCharts.driftPerTable(report);
    drift.ifPresent(spec -> chart(page, spec, Math.max(200, 60 + 40 * spec.categoryCount())));
    if (drift.isEmpty() && !report.tables().isEmpty()) {
      page.append("<p>No table drifts: ")
          .append(report.tables().size())
          .append(report.tables().size() == 1 ? " table, " : " tables, ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%,d",
                  report.tables().stream().mapToLong(TableDataResult::rowsOld).sum()))
          .append(" rows on the old side.</p>\n");
    }
  }

  private static void chart(StringBuilder page, BarChartSpec spec, int height) {
    byte[] png = PngChartRenderer.render(spec, CHART_WIDTH, height);
    page.append("<img alt=\"")
        .append(escape(spec.title()))
        .append("\" width=\"")
        .append(CHART_WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\">\n");
  }

  private static void checks(StringBuilder page, ComparisonReport report) {
    page.append("<h2>Checks</h2>\n<table><tr><th>family</th><th>check</th><th>status</th>")
        .append("<th>summary and evidence</th></tr>\n");
    for (CheckResult check : report.checks()) {
      page.append("<tr><td>")
          .append(escape(check.family()))
          .append("</td><td>")
          .append(escape(check.name()))
          .append("</td>");
      status(page, check.status());
      page.append("<td>").append(escape(check.summary()));
      evidence(page, check.evidence());
      page.append("</td></tr>\n");
    }
    page.append("</table>\n");
  }

  private static void tables(StringBuilder page, ComparisonReport report) {
    page.append("<h2>Data</h2>\n");
    if (report.tables().isEmpty()) {
      page.append("<p>No table data was compared.</p>\n");
      return;
    }
    page.append("<table><tr><th>table</th><th>status</th><th>rows old</th><th>rows new</th>")
        .append("<th>chunks</th><th>re-checked</th><th>drift</th></tr>\n");
    for (TableDataResult table : report.tables()) {
      page.append("<tr><td>").append(escape(table.qualifiedName())).append("</td>");
      status(page, table.status());
      page.append("<td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", table.rowsOld()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", table.rowsNew()))
          .append("</td><td class=\"n\">")
          .append(table.chunks())
          .append("</td><td class=\"n\">")
          .append(table.rechecks())
          .append("</td><td>")
          .append(escape(table.summary()));
      for (ChunkDrift drift : table.drift()) {
        page.append("<div class=\"drift\">keys ")
            .append(escape(drift.range()))
            .append(": ")
            .append(drift.rowsOld())
            .append(" rows old, ")
            .append(drift.rowsNew())
            .append(" rows new");
        List<String> rows = new ArrayList<>();
        for (RowDifference row : drift.rows()) {
          rows.add(row.describe());
        }
        evidence(page, rows);
        page.append("</div>");
      }
      page.append("</td></tr>\n");
    }
    page.append("</table>\n");
  }

  private static void status(StringBuilder page, Status status) {
    page.append("<td class=\"")
        .append(status.name().toLowerCase(Locale.ROOT))
        .append("\">")
        .append(status.name())
        .append("</td>");
  }

  private static void evidence(StringBuilder page, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    page.append("<details><summary>")
        .append(lines.size())
        .append(lines.size() == 1 ? " detail" : " details")
        .append("</summary><ul>");
    for (String line : lines) {
      page.append("<li>").append(escape(line)).append("</li>");
    }
    page.append("</ul></details>");
  }

  private static String formatDuration(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120
        ? duration.toMillis() / 1000.0 + " s"
        : seconds / 60 + " min " + seconds % 60 + " s";
  }

  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;max-width:70em;color:#222}"
          + "h1{font-size:3em;margin:0 0 .2em}h1.go{color:#007a3d}h1.nogo{color:#b00020}"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
          + "th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}"
          + "td.n{text-align:right}td.pass{color:#007a3d}td.warn{color:#a65e00}"
          + "td.fail{color:#b00020;font-weight:bold}ul.fail{color:#b00020}"
          + ".drift{margin-top:.3em}details{margin-top:.2em}img{display:block;margin:.5em 0}";
}
