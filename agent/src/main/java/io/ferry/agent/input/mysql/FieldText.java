package io.ferry.agent.input.mysql;

/**
 * Makes server text safe for a line-protocol string field, where a line break must never reach the
 * wire.
 */
final class FieldText {

  private FieldText() {}

  /**
   * A GTID set or position without any whitespace: MySQL prints multi-source sets with a line break
   * after each comma ({@code uuid1:1-5,\nuuid2:1-3}).
   */
  static String compactGtids(String gtids) {
    return gtids.replaceAll("\\s+", "");
  }

  /** Free text (an error message) on one line: line breaks become single spaces. */
  static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
