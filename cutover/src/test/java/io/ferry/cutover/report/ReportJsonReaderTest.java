package io.ferry.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.cutover.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonReaderTest {

  private static final String SOURCE = "compare-pre.json";

  private final ReportJsonReader reader = new ReportJsonReader();

  @TempDir Path dir;

  @Test
  void readsBackWhatTheWriterWrote() throws IOException {
    ComparisonReport report = ReportFixtures.sample();

    assertThat(reader.parse(new ReportJson().write(report), SOURCE)).isEqualTo(report);
  }

  @Test
  void readsBackAPostReportWithUnfinishedWorkAndEmptyLists() throws IOException {
    ComparisonReport report =
        ComparisonReport.of(
            Phase.POST,
            Instant.parse("2026-03-01T10:00:00.123456Z"),
            Instant.parse("2026-03-01T10:05:00Z"),
            List.of(),
            List.of("new-primary (primary) ferry @ jdbc:mysql://127.0.0.1:3307/"),
            List.of(
                CheckResult.couldNotFinish(CheckFamily.TRAFFIC, "SQLException: gone away"),
                CheckResult.pass(CheckFamily.BASELINE, "regressions", "none", List.of())),
            List.of(
                new TableDataResult(
                    "shop", "carts", Status.FAIL, false, "stopped", 5, 0, 1, 0, List.of())));

    assertThat(reader.parse(new ReportJson().write(report), SOURCE)).isEqualTo(report);
  }

  @Test
  void readsTheGoldenDocumentFromAFile() throws IOException {
    Path file = dir.resolve("compare-pre.json");
    Files.writeString(file, golden());

    assertThat(reader.read(file)).isEqualTo(ReportFixtures.sample());
  }

  @Test
  void aTruncatedDocumentIsRejectedWithItsPlace() throws IOException {
    String truncated = golden().substring(0, golden().length() / 2);

    assertThatThrownBy(() -> reader.parse(truncated, SOURCE))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith(
            SOURCE + ": not valid JSON: the document ends too early (truncated?) (line ");
  }

  @Test
  void brokenJsonIsRejectedWithTheParsersReasonAndPlace() {
    assertThatThrownBy(
            () -> reader.parse("{\n  \"formatVersion\" : 1,\n  phase : \"pre\"\n}", SOURCE))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith(SOURCE + ": not valid JSON: Unexpected character ('p'")
        .hasMessageEndingWith("(line 3, column 3)")
        .hasMessageNotContaining("Source");
  }

  @Test
  void somethingElseThanAReportIsRejected() {
    assertThatThrownBy(() -> reader.parse("[1, 2]", SOURCE))
        .hasMessage(SOURCE + ": expected a JSON object (a comparison report), was array");
    assertThatThrownBy(() -> reader.parse("{\"name\": \"x\"}", SOURCE))
        .hasMessage(SOURCE + ": formatVersion: missing: this is not a Ferry comparison report");
    assertThatThrownBy(() -> reader.parse("", SOURCE))
        .hasMessage(SOURCE + ": empty document, expected a comparison report");
  }

  @Test
  void anUnsupportedFormatVersionIsNamed() throws IOException {
    String future = golden().replace("\"formatVersion\" : 3", "\"formatVersion\" : 4");

    assertThatThrownBy(() -> reader.parse(future, SOURCE))
        .isInstanceOf(ReportFormatException.class)
        .hasMessage(
            SOURCE
                + ": formatVersion: format version 4 is not supported; this version of Ferry"
                + " reads versions 1 to 3");
  }

  @Test
  void aVersionTwoReportStillReadsWithoutReplicas() throws IOException {
    ComparisonReport report = reader.parse(golden("report-golden-v2.json"), SOURCE);

    assertThat(report.replicas()).isEmpty();
    assertThat(report.run().ferryVersion()).isEqualTo("1.2.3-test");
    assertThat(report.tables().get(0).differingRows()).isEqualTo(2);
  }

  @Test
  void theReplicasReadBackAsWritten() throws IOException {
    ComparisonReport report = reader.parse(golden(), SOURCE);

    assertThat(report.replicas()).isEqualTo(ReportFixtures.sample().replicas());
    assertThat(report.exitCode()).isEqualTo(ReportFixtures.sample().exitCode());
  }

  @Test
  void aReplicaThatDidNotFinishCannotBeStoredAsAPass() throws IOException {
    String passing =
        golden()
            .replace(
                "\"status\" : \"FAIL\",\n    \"finished\" : false",
                "\"status\" : \"PASS\",\n    \"finished\" : false");

    assertThat(passing).isNotEqualTo(golden());
    assertThatThrownBy(() -> reader.parse(passing, SOURCE))
        .hasMessageContaining("replicas[1]")
        .hasMessageContaining("new-replica could not be compared to the end but is PASS");
  }

  @Test
  void aVersionOneReportStillReadsWithoutColumnsOrOptions() throws IOException {
    ComparisonReport report = reader.parse(golden("report-golden-v1.json"), SOURCE);

    assertThat(report.run().ferryVersion()).isEqualTo("unknown (report format 1)");
    assertThat(report.run().options()).isEmpty();
    assertThat(report.tables().get(0).differingRowList())
        .extracting(RowDifference::key, RowDifference::columns)
        .containsExactly(tuple(List.of("12"), List.of()), tuple(List.of("15"), List.of()));
    assertThat(report.replicas()).isEmpty();
    assertThat(report.exitCode()).isEqualTo(9);
  }

  @Test
  void aSecretColumnWithValuesIsRejected() throws IOException {
    String leaked =
        golden()
            .replace(
                "\"secret\" : true",
                "\"secret\" : true, \"oldValue\" : \"x\", \"newValue\" : \"y\"");

    assertThat(leaked).isNotEqualTo(golden());
    assertThatThrownBy(() -> reader.parse(leaked, SOURCE))
        .hasMessage(
            SOURCE
                + ": tables[0].drift[0].rows[1].columns[1]: secret column password_hash must not carry values");
  }

  @Test
  void aBadFieldIsNamedByItsPath() throws IOException {
    String badStatus = golden().replace("\"status\" : \"WARN\"", "\"status\" : \"OK\"");
    String missingRows = golden().replace("\"rowsNew\" : 29,", "");
    String badKind = golden().replace("\"kind\" : \"CHANGED\"", "\"kind\" : 3");
    String badTime = golden().replace("2026-01-02T03:04:05Z", "yesterday");
    String nullSummary = golden().replace("\"chunks\" : 3,", "\"chunks\" : null,");
    String textCount = golden().replace("\"chunks\" : 3,", "\"chunks\" : \"3\",");
    String nullEvidence =
        golden().replace("\"evidence\" : [ \"sql_mode", "\"evidence\" : [ null, \"sql_mode");

    assertThatThrownBy(() -> reader.parse(badStatus, SOURCE))
        .hasMessage(SOURCE + ": checks[1].status: expected one of [PASS, WARN, FAIL], was 'OK'");
    assertThatThrownBy(() -> reader.parse(missingRows, SOURCE))
        .hasMessage(SOURCE + ": tables[0].rowsNew: missing");
    assertThatThrownBy(() -> reader.parse(badKind, SOURCE))
        .hasMessage(SOURCE + ": tables[0].drift[0].rows[1].kind: expected a string, was number 3");
    assertThatThrownBy(() -> reader.parse(nullSummary, SOURCE))
        .hasMessage(SOURCE + ": tables[0].chunks: missing");
    assertThatThrownBy(() -> reader.parse(textCount, SOURCE))
        .as("no coercion of a string to a number")
        .hasMessage(SOURCE + ": tables[0].chunks: expected a whole number, was string \"3\"");
    assertThatThrownBy(() -> reader.parse(nullEvidence, SOURCE))
        .hasMessage(SOURCE + ": checks[2].evidence[0]: missing");
    assertThatThrownBy(() -> reader.parse(badTime, SOURCE))
        .hasMessage(
            SOURCE
                + ": startedAt: expected an instant such as 2026-01-02T03:04:05Z, was 'yesterday'");
  }

  @Test
  void anUnknownFamilyIsNamed() throws IOException {
    String unknown = golden().replace("\"family\" : \"schema\"", "\"family\" : \"x\"");

    assertThatThrownBy(() -> reader.parse(unknown, SOURCE))
        .hasMessageStartingWith(SOURCE + ": checks[1].family: unknown check family 'x'");
  }

  @Test
  void anExitCodeThatDisagreesWithTheResultsIsRejected() throws IOException {
    String edited = golden().replace("\"exitCode\" : 73", "\"exitCode\" : 9");

    assertThat(edited).isNotEqualTo(golden());
    assertThatThrownBy(() -> reader.parse(edited, SOURCE))
        .hasMessage(SOURCE + ": exitCode: is 9 but the results in the document give 73");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.json");

    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOf(IOException.class)
        .hasMessage(missing + ": no such file");
  }

  private static String golden() throws IOException {
    return golden("report-golden.json");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportJsonReaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
