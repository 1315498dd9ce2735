package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxQueryResultsTest {

  @Test
  void flattensSeriesIntoRowsWithTagsAndTypedValues() {
    List<Map<String, Object>> rows =
        InfluxQueryResults.rows("q", Fixtures.text("influx-group-by-host.json"));

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsExactly(
            Map.entry("time", 1700000000000000000L),
            Map.entry("usage", 12.5),
            Map.entry("cores", 4L),
            Map.entry("ok", true),
            Map.entry("state", "up"),
            Map.entry("host", "a"));
    assertThat(rows.get(1)).containsEntry("state", null).containsEntry("usage", 14.25);
    assertThat(rows.get(2)).containsEntry("host", "b").containsEntry("ok", false);
  }

  @Test
  void wholeValuedFloatComesBackAsLongBecauseInfluxWritesItWithoutFraction() {
    List<Map<String, Object>> rows =
        InfluxQueryResults.rows("q", Fixtures.text("influx-group-by-host.json"));

    assertThat(rows.get(2).get("usage")).isEqualTo(2L);
  }

  @Test
  void statementWithoutSeriesHasNoRows() {
    assertThat(InfluxQueryResults.rows("q", Fixtures.text("influx-no-series.json"))).isEmpty();
  }

  @Test
  void queryErrorNamesTheQuery() {
    assertThatThrownBy(
            () ->
                InfluxQueryResults.rows(
                    "SELECT nope FROM cpu WHERE", Fixtures.text("influx-parse-error.json")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[SELECT nope FROM cpu WHERE]")
        .hasMessageContaining("found EOF");
  }

  @Test
  void statementErrorNamesTheQuery() {
    assertThatThrownBy(
            () ->
                InfluxQueryResults.rows(
                    "SELECT * FROM cpu", Fixtures.text("influx-statement-error.json")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[SELECT * FROM cpu]")
        .hasMessageContaining("database not found: nodb");
  }

  @Test
  void textThatIsNotJsonIsRejectedByName() {
    assertThatThrownBy(() -> InfluxQueryResults.rows("SHOW DATABASES", "<html>proxy error</html>"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[SHOW DATABASES] is not JSON");
  }
}
