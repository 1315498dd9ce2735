package io.ferry.testkit;

import java.util.regex.Pattern;

/** Hides passwords in SQL text before it goes into an error message or a log. */
final class SqlRedaction {

  private static final Pattern SECRET =
      Pattern.compile(
          "((?:IDENTIFIED\\s+BY|MASTER_PASSWORD\\s*=|PASSWORD\\s*\\()\\s*)'(?:[^'\\\\]|\\\\.|'')*'",
          Pattern.CASE_INSENSITIVE);

  private SqlRedaction() {}

  /** {@code sql} with every quoted password replaced by {@code '***'}. */
  static String redact(String sql) {
    return SECRET.matcher(sql).replaceAll("$1'***'");
  }
}
