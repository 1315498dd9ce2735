package io.ferry.collector.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the JSON body of InfluxDB's {@code /query}: one result per statement, each a list of
 * series. A statement InfluxDB refused fails the whole response with its message.
 */
final class InfluxQueryResponse {

  private InfluxQueryResponse() {}

  /**
   * @param statements how many statements were sent, so that a short answer is caught
   * @return the series of each statement, in order; a statement that matched nothing has none
   * @throws IllegalArgumentException with InfluxDB's message when a statement failed
   */
  static List<List<InfluxSeries>> parse(String body, int statements) {
    JsonObject json = new JsonObject(body);
    if (json.containsKey("error")) {
      throw new IllegalArgumentException("InfluxDB refused the query: " + json.getString("error"));
    }
    JsonArray results = json.getJsonArray("results", new JsonArray());
    List<List<InfluxSeries>> parsed = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.getJsonObject(i);
      if (result.containsKey("error")) {
        throw new IllegalArgumentException(
            "InfluxDB refused statement " + (i + 1) + ": " + result.getString("error"));
      }
      List<InfluxSeries> series = new ArrayList<>();
      for (Object item : result.getJsonArray("series", new JsonArray())) {
        series.add(series((JsonObject) item));
      }
      parsed.add(series);
    }
    if (parsed.size() != statements) {
      throw new IllegalArgumentException(
          "InfluxDB answered " + parsed.size() + " results for " + statements + " statements");
    }
    return parsed;
  }

  private static InfluxSeries series(JsonObject json) {
    Map<String, String> tags = new HashMap<>();
    JsonObject tagObject = json.getJsonObject("tags", new JsonObject());
    for (String key : tagObject.fieldNames()) {
      tags.put(key, tagObject.getString(key, ""));
    }
    List<String> columns = new ArrayList<>();
    json.getJsonArray("columns", new JsonArray()).forEach(c -> columns.add(c.toString()));
    List<List<Object>> values = new ArrayList<>();
    for (Object row : json.getJsonArray("values", new JsonArray())) {
      values.add(new ArrayList<>(((JsonArray) row).getList()));
    }
    return new InfluxSeries(json.getString("name", ""), tags, columns, values);
  }
}
