package io.ferry.collector.ingest;

import io.ferry.lineprotocol.Precision;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The two InfluxDB API generations the collector imitates. They differ in the precision names they
 * accept and in the shape of error bodies: v1 answers {@code {"error": "..."}}, v2 answers {@code
 * {"code": "invalid", "message": "...", "line": 2}}.
 */
public enum ApiStyle {
  /** InfluxDB 1.x: {@code /write}; also used for the collector's own endpoints. */
  V1(Set.of("n", "ns", "u", "us", "µ", "µs", "ms", "s", "m", "h")),
  /** InfluxDB 2.x: {@code /api/v2/write}. */
  V2(Set.of("ns", "us", "ms", "s"));

  private final Set<String> precisionNames;

  ApiStyle(Set<String> precisionNames) {
    this.precisionNames = precisionNames;
  }

  /** The precision a request asked for; absent means nanoseconds; empty when unknown here. */
  public Optional<Precision> precision(String parameter) {
    if (parameter == null || parameter.isEmpty()) {
      return Optional.of(Precision.NANOSECONDS);
    }
    if (!precisionNames.contains(parameter)) {
      return Optional.empty();
    }
    return Precision.fromParameter(parameter.replace('µ', 'u'));
  }

  /** The precision names this API accepts, for error messages. */
  public String precisionHelp() {
    return this == V1 ? "n, ns, u, us, ms, s, m or h" : "ns, us, ms or s";
  }

  /**
   * An error body in this API's shape.
   *
   * @param line the first bad line, included by v2 only; null when not about a line
   */
  public JsonObject errorBody(ErrorCode code, String message, Integer line) {
    if (this == V1) {
      return new JsonObject().put("error", message);
    }
    var body = new JsonObject().put("code", code.v2Code()).put("message", message);
    if (line != null) {
      body.put("line", line);
    }
    return body;
  }
}
