package io.ferry.collector.web;

/** Quoting for InfluxQL, so that a host name from a link cannot change a query. */
final class InfluxQl {

  private InfluxQl() {}

  /** A string literal: {@code 'db1'}, with backslashes and single quotes escaped. */
  static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
