package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.onNewPrimaryOnly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;
import io.ferry.cutover.report.RunInfo;
import io.ferry.testkit.MigrationStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JSON report of a real comparison with drift has exactly the fields {@code
 * docs/compare-report.md} documents: a field added without documentation, or documented and gone,
 * fails here. A replica's tables are the same records as the clusters' ({@code replicas[].tables[]}
 * is documented as {@code tables[]}), so their fields are checked against those of {@code
 * tables[]}.
 */
class ReportDocumentationTest {

  private static final Path DOC = Path.of("../docs/compare-report.md");
  private static final Pattern DOCUMENTED_FIELD = Pattern.compile("(?m)^\\| `([^`]+)` \\|");

  @Test
  void aRealReportHasExactlyTheDocumentedFields() throws Exception {
    String db = "cut_report_doc";
    createDatabase(
        db,
        "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(100), password_hash CHAR(40))",
        "INSERT INTO accounts SELECT seq, CONCAT('u', seq), SHA1(seq) FROM seq_1_to_50");
    try {
      onNewPrimaryOnly(
          db,
          "UPDATE accounts SET email = 'x', password_hash = SHA1('other') WHERE id = 7",
          "DELETE FROM accounts WHERE id = 8");
      ComparisonReport report =
          new CutoverComparison()
              .run(
                  StackFixture.topology(),
                  ComparisonOptions.builder()
                      .tableFilter(new TableFilter(List.of(db), List.of()))
                      .gtidWaitTimeout(Duration.ofSeconds(10))
                      .recheckAttempts(1)
                      .showValues(true)
                      .dataOnReplicas(true)
                      .build());
      String json = new ReportJson().write(report);

      assertThat(report.run().ferryVersion()).isEqualTo(RunInfo.thisVersion()).isNotBlank();
      assertThat(report.replicas()).isNotEmpty();
      assertThat(fieldsOf(new ObjectMapper().readTree(json)))
          .containsExactlyInAnyOrderElementsOf(documentedFields());
      assertThat(json).contains("\"formatVersion\" : " + ReportJson.FORMAT_VERSION);
      assertThat(json).doesNotContain("=" + MigrationStack.ADMIN_PASSWORD);
    } finally {
      dropDatabase(db);
    }
  }

  private static Set<String> documentedFields() throws Exception {
    Set<String> fields = new TreeSet<>();
    Matcher matcher = DOCUMENTED_FIELD.matcher(Files.readString(DOC));
    while (matcher.find()) {
      fields.add(matcher.group(1));
    }
    assertThat(fields).as("fields documented in " + DOC).contains("formatVersion", "tables");
    return fields;
  }

  /**
   * Every field path of a document, arrays written as {@code []}; those inside a replica's tables
   * as the same fields of {@code tables[]}.
   */
  private static Set<String> fieldsOf(JsonNode root) {
    Set<String> fields = new TreeSet<>();
    collect(root, "", fields);
    Set<String> named = new TreeSet<>();
    for (String field : fields) {
      named.add(field.replaceFirst("^" + Pattern.quote(REPLICA_TABLES + "."), "tables[]."));
    }
    return named;
  }

  private static final String REPLICA_TABLES = "replicas[].tables[]";

  private static void collect(JsonNode node, String path, Set<String> fields) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                fields.add(child);
                collect(entry.getValue(), child, fields);
              });
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (element.isContainerNode()) {
          collect(element, path + "[]", fields);
        }
      }
    }
  }
}
