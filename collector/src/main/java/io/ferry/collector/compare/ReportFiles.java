package io.ferry.collector.compare;

import io.ferry.cutover.html.ReportHtml;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes a comparison's HTML report and JSON document as {@code compare-<phase>.html} and {@code
 * compare-<phase>.json}, each through a temporary file and a rename, so that a reader never sees
 * half a report.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /**
   * Writes both files into {@code dir}, creating it when needed.
   *
   * @return the paths written, HTML first
   */
  public static List<Path> write(Path dir, ComparisonReport report) throws IOException {
    Files.createDirectories(dir);
    String base = "compare-" + report.phase().name().toLowerCase(Locale.ROOT);
    Path html = dir.resolve(base + ".html");
    Path json = dir.resolve(base + ".json");
    writeAtomically(html, ReportHtml.render(report));
    writeAtomically(json, new ReportJson().write(report));
    return List.of(html, json);
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
