package io.ferry.testkit;

/**
 * A measurement and a field that every point of one kind in it carries, so that {@code SELECT
 * count("field") FROM "measurement"} counts those points in InfluxDB.
 */
public record CountedField(String measurement, String field) {

  /** The InfluxQL statement that counts the points from {@code sinceNanos} on. */
  public String countQuery(long sinceNanos) {
    return "SELECT count(\""
        + field
        + "\") FROM \""
        + measurement
        + "\" WHERE time >= "
        + sinceNanos;
  }
}
