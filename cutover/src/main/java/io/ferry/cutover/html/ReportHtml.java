package io.ferry.cutover.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.ferry.cutover.report.ComparisonReport;
import java.util.Map;

/**
 * Renders a {@link ComparisonReport} as one self-contained HTML page: the verdict first, then what
 * failed, the charts (PNG, embedded as data URIs), every check with its evidence, and the data
 * comparison per table. The page is the jte template {@code src/main/jte/report.jte}, compiled at
 * build time with HTML auto-escaping, so every piece of data is escaped for where it stands.
 */
public final class ReportHtml {

  /** The package the jte Maven plugin compiles the report templates into. */
  static final String TEMPLATE_PACKAGE = "io.ferry.cutover.html.templates";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, ReportHtml.class.getClassLoader(), TEMPLATE_PACKAGE);

  private ReportHtml() {}

  /** The whole page. Draws charts, so it takes some tens of milliseconds. */
  public static String render(ComparisonReport report) {
    var out = new StringOutput(64 * 1024);
    ENGINE.render("report.jte", Map.of("view", ReportView.of(report)), out);
    return out.toString();
  }
}
