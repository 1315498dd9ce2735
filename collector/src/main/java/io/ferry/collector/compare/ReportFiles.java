package io.ferry.collector.compare;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes a comparison's HTML report and JSON document as {@code compare-<phase>.html} and {@code
 * compare-<phase>.json}, each through a temporary file and a rename, so that a reader never sees
 * half a report; and reads the most recent pair back.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /**
   * Writes both files into {@code dir}, creating it when needed.
   *
   * @return the paths written, HTML first
   */
  public static List<Path> write(Path dir, ComparisonReport report) throws IOException {
    return write(dir, LatestComparison.render(report));
  }

  /**
   * Writes both documents of an already rendered comparison into {@code dir}, creating it when
   * needed; the JSON last, so that its presence means the HTML is complete.
   *
   * @return the paths written, HTML first
   */
  public static List<Path> write(Path dir, LatestComparison comparison) throws IOException {
    Files.createDirectories(dir);
    Path html = html(dir, comparison.summary().phase());
    Path json = json(dir, comparison.summary().phase());
    writeAtomically(html, comparison.html());
    writeAtomically(json, comparison.json());
    return List.of(html, json);
  }

  /**
   * The most recently finished comparison in {@code dir}, of either phase; empty when the folder
   * holds none.
   *
   * @throws IOException when a file cannot be read, or (a {@link
   *     io.ferry.cutover.report.ReportFormatException}) naming the file whose JSON is not a report
   */
  public static Optional<LatestComparison> readLatest(Path dir) throws IOException {
    List<LatestComparison> found = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      Path json = json(dir, phase);
      if (!Files.isRegularFile(json)) {
        continue;
      }
      String jsonText = Files.readString(json, StandardCharsets.UTF_8);
      ComparisonSummary summary =
          ComparisonSummary.of(new ReportJsonReader().parse(jsonText, json.toString()));
      String htmlText = Files.readString(html(dir, phase), StandardCharsets.UTF_8);
      found.add(new LatestComparison(summary, jsonText, htmlText));
    }
    return found.stream().max(Comparator.comparing(c -> c.summary().finishedAt()));
  }

  /** Where the HTML report of {@code phase} is kept in {@code dir}. */
  public static Path html(Path dir, Phase phase) {
    return dir.resolve(baseName(phase) + ".html");
  }

  /** Where the JSON document of {@code phase} is kept in {@code dir}. */
  public static Path json(Path dir, Phase phase) {
    return dir.resolve(baseName(phase) + ".json");
  }

  private static String baseName(Phase phase) {
    return "compare-" + phase.label();
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
