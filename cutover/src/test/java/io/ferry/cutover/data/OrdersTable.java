package io.ferry.cutover.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' {@code orders} table: {@code id INT PRIMARY KEY, customer VARCHAR(40), qty INT,
 * placed DATETIME, total DECIMAL(10,2), note CHAR(60)}, filled from MariaDB's sequence engine in
 * batches of {@value #INSERT_BATCH} rows.
 */
final class OrdersTable {

  private static final int INSERT_BATCH = 250_000;

  private OrdersTable() {}

  /** The statements that create the table with {@code rows} rows (ids 1 to {@code rows}). */
  static String[] statements(int rows) {
    List<String> statements = new ArrayList<>();
    statements.add(
        "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40), qty INT,"
            + " placed DATETIME, total DECIMAL(10,2), note CHAR(60))");
    for (int from = 1; from <= rows; from += INSERT_BATCH) {
      int to = Math.min(rows, from + INSERT_BATCH - 1);
      statements.add(
          "INSERT INTO orders SELECT seq, CONCAT('customer-', seq MOD 5000), seq MOD 17,"
              + " '2024-01-01' + INTERVAL (seq MOD 100000) MINUTE, (seq MOD 10000) / 7,"
              + " SHA1(seq) FROM seq_"
              + from
              + "_to_"
              + to);
    }
    return statements.toArray(String[]::new);
  }
}
