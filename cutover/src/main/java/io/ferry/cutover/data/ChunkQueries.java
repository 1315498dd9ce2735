package io.ferry.cutover.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link ChunkSql} statements on one server's connection. */
final class ChunkQueries {

  private static final Logger LOG = LoggerFactory.getLogger(ChunkQueries.class);

  private final Connection connection;
  private final RowHash hash;
  private EncodingUse encodingUse;

  /**
   * @param hash the row hash both sides use
   */
  ChunkQueries(Connection connection, RowHash hash) {
    this.connection = connection;
    this.hash = hash;
  }

  Connection connection() {
    return connection;
  }

  /**
   * How this server builds the row encoding for the hash, found out on first use (see {@link
   * EncodingUse#of}).
   */
  EncodingUse encodingUse() throws SQLException {
    if (encodingUse == null) {
      encodingUse = EncodingUse.of(connection, hash);
      if (encodingUse == EncodingUse.EACH_USE) {
        LOG.info(
            "{}: the server did not compute the row hash with the row encoding built once per row"
                + " as expected; building it wherever the hash needs it",
            hash);
      }
    }
    return encodingUse;
  }

  /** Row count and hash sum of a range. */
  ChunkChecksum checksum(TableShape shape, ChunkRange range) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(ChunkSql.checksum(hash, encodingUse(), shape, range))) {
      bind(statement, ChunkSql.parameters(shape, range));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new ChunkChecksum(rows.getLong(1), rows.getBigDecimal(2).toPlainString());
      }
    }
  }

  /**
   * The key {@code rows} rows after the range's lower bound and within the range, empty when fewer
   * rows remain in it.
   */
  Optional<List<String>> upperBoundary(TableShape shape, ChunkRange within, int rows)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(ChunkSql.upperBoundary(shape, within))) {
      List<String> parameters = ChunkSql.parameters(shape, within);
      bind(statement, parameters);
      statement.setInt(parameters.size() + 1, rows - 1);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        return Optional.of(key(result, shape.key().size()));
      }
    }
  }

  /** The table's last key, empty when the table is empty. */
  Optional<List<String>> lastKey(TableShape shape) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(ChunkSql.lastKey(shape));
        ResultSet result = statement.executeQuery()) {
      return result.next() ? Optional.of(key(result, shape.key().size())) : Optional.empty();
    }
  }

  /** The first key after {@code lower} (from the table's start when empty), if any. */
  Optional<List<String>> firstKeyAfter(TableShape shape, List<String> lower) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(ChunkSql.firstKeyAfter(shape, !lower.isEmpty()))) {
      bind(statement, ChunkSql.parameters(shape, new ChunkRange(lower, List.of())));
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? Optional.of(key(result, shape.key().size())) : Optional.empty();
      }
    }
  }

  /** Whether key {@code a} sorts after key {@code b}, as this server compares them. */
  boolean greater(TableShape shape, List<String> a, List<String> b) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(ChunkSql.keyGreater(shape))) {
      List<String> both = new ArrayList<>(a);
      both.addAll(b);
      bind(statement, both);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  /** Each row's key and digest in a range, in key order. */
  Map<List<String>, String> rowDigests(TableShape shape, ChunkRange range) throws SQLException {
    Map<List<String>, String> digests = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(ChunkSql.rowDigests(shape, range))) {
      bind(statement, ChunkSql.parameters(shape, range));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          digests.put(key(rows, shape.key().size()), rows.getString(shape.key().size() + 1));
        }
      }
    }
    return digests;
  }

  /**
   * Rows' column values by key, as {@link ChunkSql#rowsByKeys} reads them, by key; a key whose row
   * is gone is missing from the map.
   */
  Map<List<String>, List<String>> rows(TableShape shape, List<List<String>> keys)
      throws SQLException {
    Map<List<String>, List<String>> found = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    int keyColumns = shape.key().size();
    try (PreparedStatement statement =
        connection.prepareStatement(ChunkSql.rowsByKeys(shape, keys.size()))) {
      bind(statement, keys.stream().flatMap(List::stream).toList());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          List<String> values = new ArrayList<>(shape.columns().size());
          for (int i = 1; i <= shape.columns().size(); i++) {
            values.add(result.getString(keyColumns + i));
          }
          found.put(key(result, keyColumns), values);
        }
      }
    }
    return found;
  }

  private static List<String> key(ResultSet rows, int columns) throws SQLException {
    List<String> key = new ArrayList<>(columns);
    for (int i = 1; i <= columns; i++) {
      key.add(rows.getString(i));
    }
    return key;
  }

  private static void bind(PreparedStatement statement, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setString(i + 1, values.get(i));
    }
  }
}
