package io.ferry.cutover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a {@link ComparisonReport} as the JSON document for machines. The layout is built field by
 * field (not by reflection) so that it stays stable when the Java model changes.
 */
public final class ReportJson {

  /**
   * Version of the document layout; raised when a field changes meaning or disappears. Version 2
   * added {@code ferryVersion}, {@code options} and the differing columns of each row. The layout
   * is documented in {@code docs/compare-report.md}.
   */
  public static final int FORMAT_VERSION = 2;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The report as pretty-printed JSON text, ending without a newline. */
  public String write(ComparisonReport report) {
    try {
      return mapper.writeValueAsString(toTree(report)).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the comparison report as JSON", e);
    }
  }

  private ObjectNode toTree(ComparisonReport report) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("ferryVersion", report.run().ferryVersion());
    root.put("phase", report.phase().label());
    root.put("startedAt", report.startedAt().toString());
    root.put("finishedAt", report.finishedAt().toString());
    root.put("verdict", report.verdict().name());
    root.put("exitCode", report.exitCode());
    strings(root.putArray("oldEndpoints"), report.oldEndpoints());
    strings(root.putArray("newEndpoints"), report.newEndpoints());
    ObjectNode options = root.putObject("options");
    report.run().options().forEach(options::put);
    ArrayNode checks = root.putArray("checks");
    for (CheckResult check : report.checks()) {
      ObjectNode node = checks.addObject();
      node.put("family", check.family());
      node.put("name", check.name());
      node.put("status", check.status().name());
      node.put("summary", check.summary());
      strings(node.putArray("evidence"), check.evidence());
    }
    ArrayNode tables = root.putArray("tables");
    for (TableDataResult table : report.tables()) {
      tables.add(tableTree(table));
    }
    return root;
  }

  private ObjectNode tableTree(TableDataResult table) {
    ObjectNode node = mapper.createObjectNode();
    node.put("database", table.database());
    node.put("table", table.table());
    node.put("status", table.status().name());
    node.put("finished", table.finished());
    node.put("summary", table.summary());
    node.put("rowsOld", table.rowsOld());
    node.put("rowsNew", table.rowsNew());
    node.put("chunks", table.chunks());
    node.put("rechecks", table.rechecks());
    ArrayNode drift = node.putArray("drift");
    for (ChunkDrift chunk : table.drift()) {
      ObjectNode chunkNode = drift.addObject();
      strings(chunkNode.putArray("lowerExclusive"), chunk.lowerExclusive());
      strings(chunkNode.putArray("upperInclusive"), chunk.upperInclusive());
      chunkNode.put("rowsOld", chunk.rowsOld());
      chunkNode.put("rowsNew", chunk.rowsNew());
      ArrayNode rows = chunkNode.putArray("rows");
      for (RowDifference row : chunk.rows()) {
        ObjectNode rowNode = rows.addObject();
        strings(rowNode.putArray("key"), row.key());
        rowNode.put("kind", row.kind().name());
        ArrayNode columns = rowNode.putArray("columns");
        for (ColumnDifference column : row.columns()) {
          ObjectNode columnNode = columns.addObject();
          columnNode.put("name", column.column());
          columnNode.put("secret", column.secret());
          if (column.valuesShown()) {
            columnNode.put("oldValue", column.oldValue());
            columnNode.put("newValue", column.newValue());
          }
        }
      }
    }
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
