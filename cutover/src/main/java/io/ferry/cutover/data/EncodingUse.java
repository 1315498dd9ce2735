package io.ferry.cutover.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a server's row hash expressions build a row's encoding wherever the hash needs it ({@link
 * RowHash#of}) or once per row ({@link RowHash#ofEncodedOnce}). Both compute the same values, so
 * the two sides of a comparison may differ in this; building the encoding is most of the server's
 * work per row (see the cutover section of {@code docs/benchmarks.md}).
 */
enum EncodingUse {

  /** Built wherever the hash needs it: correct on every server. */
  EACH_USE {
    @Override
    String rowHash(RowHash hash, String encoding) {
      return hash.of(encoding);
    }
  },

  /** Built once per row and reused, where {@link #of} found the server computing it correctly. */
  ONCE_PER_ROW {
    @Override
    String rowHash(RowHash hash, String encoding) {
      return hash.ofEncodedOnce(encoding);
    }
  };

  /** The SQL expression hashing the row encoding {@code encoding} with {@code hash}. */
  abstract String rowHash(RowHash hash, String encoding);

  /** The column of the probe's rows, as the probe's row hash expressions refer to it. */
  static final String PROBE_ROW = "probe.v";

  /**
   * {@link #ONCE_PER_ROW} when the server computes it exactly as {@link #EACH_USE} (see {@link
   * #sameOnProbeRows}), otherwise {@link #EACH_USE}.
   */
  static EncodingUse of(Connection connection, RowHash hash) throws SQLException {
    String once = ONCE_PER_ROW.rowHash(hash, PROBE_ROW);
    String each = EACH_USE.rowHash(hash, PROBE_ROW);
    return once.equals(each) || sameOnProbeRows(connection, once, each) ? ONCE_PER_ROW : EACH_USE;
  }

  /**
   * Whether two row hash expressions over {@link #PROBE_ROW} give the same value on each of three
   * distinct constant rows in one statement. An expression that reads a reused encoding before
   * assigning it, or whose read the server takes for a constant, hashes the previous row's encoding
   * or the variable's earlier value (NULL on a fresh connection) instead. Compared row by row: over
   * a sum, a read lagging one row behind could hash the same encodings, only paired differently.
   */
  static boolean sameOnProbeRows(Connection connection, String candidate, String reference)
      throws SQLException {
    int rows = 0;
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT "
                    + candidate
                    + ", "
                    + reference
                    + " FROM (SELECT 'ferry-probe-1' AS v UNION ALL SELECT 'ferry-probe-2'"
                    + " UNION ALL SELECT 'ferry-probe-3') AS probe")) {
      while (result.next()) {
        String value = result.getString(1);
        if (value == null || !value.equals(result.getString(2))) {
          return false;
        }
        rows++;
      }
    }
    return rows == 3;
  }
}
