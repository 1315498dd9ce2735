package io.ferry.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens the JSON that InfluxDB 1.x's {@code /query} returns into rows.
 *
 * <p>Each row maps column names to values, plus one entry per tag of its series when the query
 * groups by tags. Numbers with a fraction become {@link Double}, whole numbers {@link Long}
 * (InfluxDB writes the float {@code 2.0} as {@code 2}, so a float field may come back as a Long),
 * strings {@link String}, booleans {@link Boolean}, JSON null {@code null}.
 */
final class InfluxQueryResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InfluxQueryResults() {}

  /**
   * Rows of every series of every statement in {@code json}.
   *
   * @throws IllegalStateException if the text is not JSON or a statement reports an error; the
   *     message names {@code query}
   */
  static List<Map<String, Object>> rows(String query, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "InfluxDB answer to [" + query + "] is not JSON: " + e.getOriginalMessage());
    }
    failOnError(query, root);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode result : root.path("results")) {
      failOnError(query, result);
      for (JsonNode series : result.path("series")) {
        addSeriesRows(series, rows);
      }
    }
    return rows;
  }

  private static void failOnError(String query, JsonNode node) {
    if (node.hasNonNull("error")) {
      throw new IllegalStateException(
          "InfluxDB rejected [" + query + "]: " + node.get("error").asText());
    }
  }

  private static void addSeriesRows(JsonNode series, List<Map<String, Object>> rows) {
    JsonNode columns = series.path("columns");
    for (JsonNode values : series.path("values")) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).asText(), value(values.get(i)));
      }
      Iterator<Map.Entry<String, JsonNode>> tags = series.path("tags").fields();
      while (tags.hasNext()) {
        Map.Entry<String, JsonNode> tag = tags.next();
        row.put(tag.getKey(), value(tag.getValue()));
      }
      rows.add(row);
    }
  }

  private static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }
}
