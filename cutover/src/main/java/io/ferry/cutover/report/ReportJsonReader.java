package io.ferry.cutover.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cutover.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON document {@link ReportJson} writes back into a {@link ComparisonReport}, so that a
 * later run can compare itself with an earlier one. Strict: every field must be present with its
 * type, and the stored verdict and exit code must agree with the stored results; anything else is a
 * {@link ReportFormatException} naming the document and the field.
 */
public final class ReportJsonReader {

  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Reads a report file.
   *
   * @throws ReportFormatException when the file is not a report this version can read
   * @throws IOException when the file cannot be read; the message names the file and the reason
   */
  public ComparisonReport read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(file + ": " + fileReason(e), e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * Reads a report from its JSON text.
   *
   * @param source names the document in error messages, e.g. its file name
   * @throws ReportFormatException when the text is not a report this version can read
   */
  public ComparisonReport parse(String json, String source) throws ReportFormatException {
    return parse(json.getBytes(StandardCharsets.UTF_8), source);
  }

  private ComparisonReport parse(byte[] json, String source) throws ReportFormatException {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ReportFormatException(source + ": not valid JSON: " + parserReason(e) + at(e));
    } catch (IOException e) {
      throw new ReportFormatException(source + ": cannot be read as JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new ReportFormatException(source + ": empty document, expected a comparison report");
    }
    return new Document(source).report(root);
  }

  /** Jackson's first line, without the start marker it adds (the location is given apart). */
  private static String parserReason(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Unexpected end-of-input")) {
      return "the document ends too early (truncated?)";
    }
    int marker = message.indexOf(" (start marker at");
    String firstLine = message.lines().findFirst().orElse(message);
    return marker >= 0 && marker < firstLine.length() ? message.substring(0, marker) : firstLine;
  }

  private static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String fileReason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** One document being read: knows its name, so that every error says where it is. */
  private static final class Document {

    private final String source;
    private int version;

    Document(String source) {
      this.source = source;
    }

    ComparisonReport report(JsonNode root) throws ReportFormatException {
      if (!root.isObject()) {
        throw error("", "expected a JSON object (a comparison report), was " + kind(root));
      }
      if (!root.has("formatVersion")) {
        throw error("formatVersion", "missing: this is not a Ferry comparison report");
      }
      int version = integer(root, "formatVersion", "");
      if (version < 1 || version > ReportJson.FORMAT_VERSION) {
        throw error(
            "formatVersion",
            "format version "
                + version
                + " is not supported; this version of Ferry reads versions 1 to "
                + ReportJson.FORMAT_VERSION);
      }
      this.version = version;
      List<CheckResult> checks = new ArrayList<>();
      List<JsonNode> checkNodes = array(root, "checks", "");
      for (int i = 0; i < checkNodes.size(); i++) {
        checks.add(check(checkNodes.get(i), "checks[" + i + "]"));
      }
      List<TableDataResult> tables = new ArrayList<>();
      List<JsonNode> tableNodes = array(root, "tables", "");
      for (int i = 0; i < tableNodes.size(); i++) {
        tables.add(table(tableNodes.get(i), "tables[" + i + "]"));
      }
      ComparisonReport report =
          ComparisonReport.of(
              phase(root),
              instant(root, "startedAt"),
              instant(root, "finishedAt"),
              strings(root, "oldEndpoints", ""),
              strings(root, "newEndpoints", ""),
              checks,
              tables,
              run(root));
      requireAgrees(root, report);
      return report;
    }

    private void requireAgrees(JsonNode root, ComparisonReport report)
        throws ReportFormatException {
      int exitCode = integer(root, "exitCode", "");
      if (exitCode != report.exitCode()) {
        throw error(
            "exitCode",
            "is " + exitCode + " but the results in the document give " + report.exitCode());
      }
      Verdict verdict = enumValue(root, "verdict", "", Verdict.class);
      if (verdict != report.verdict()) {
        throw error(
            "verdict",
            "is " + verdict + " but the results in the document give " + report.verdict());
      }
    }

    private CheckResult check(JsonNode node, String path) throws ReportFormatException {
      requireObject(node, path);
      String family = text(node, "family", path);
      try {
        CheckFamily.ofLabel(family);
      } catch (IllegalArgumentException e) {
        throw error(path + ".family", e.getMessage());
      }
      return new CheckResult(
          family,
          text(node, "name", path),
          enumValue(node, "status", path, Status.class),
          text(node, "summary", path),
          strings(node, "evidence", path));
    }

    private TableDataResult table(JsonNode node, String path) throws ReportFormatException {
      requireObject(node, path);
      List<ChunkDrift> drift = new ArrayList<>();
      List<JsonNode> driftNodes = array(node, "drift", path);
      for (int i = 0; i < driftNodes.size(); i++) {
        drift.add(chunk(driftNodes.get(i), path + ".drift[" + i + "]"));
      }
      return new TableDataResult(
          text(node, "database", path),
          text(node, "table", path),
          enumValue(node, "status", path, Status.class),
          bool(node, "finished", path),
          text(node, "summary", path),
          number(node, "rowsOld", path),
          number(node, "rowsNew", path),
          integer(node, "chunks", path),
          integer(node, "rechecks", path),
          drift);
    }

    private ChunkDrift chunk(JsonNode node, String path) throws ReportFormatException {
      requireObject(node, path);
      List<RowDifference> rows = new ArrayList<>();
      List<JsonNode> rowNodes = array(node, "rows", path);
      for (int i = 0; i < rowNodes.size(); i++) {
        String rowPath = path + ".rows[" + i + "]";
        JsonNode row = rowNodes.get(i);
        requireObject(row, rowPath);
        rows.add(
            new RowDifference(
                strings(row, "key", rowPath),
                enumValue(row, "kind", rowPath, RowDifference.Kind.class),
                version >= 2 ? columns(row, rowPath) : List.of()));
      }
      return new ChunkDrift(
          strings(node, "lowerExclusive", path),
          strings(node, "upperInclusive", path),
          number(node, "rowsOld", path),
          number(node, "rowsNew", path),
          rows);
    }

    /** Version 1 documents did not record the version and options that made them. */
    private RunInfo run(JsonNode root) throws ReportFormatException {
      if (version < 2) {
        return new RunInfo("unknown (report format 1)", Map.of());
      }
      JsonNode options = field(root, "options", "");
      requireObject(options, "options");
      Map<String, String> values = new LinkedHashMap<>();
      for (var entry : options.properties()) {
        if (!entry.getValue().isTextual()) {
          throw error(
              "options." + entry.getKey(), "expected a string, was " + kind(entry.getValue()));
        }
        values.put(entry.getKey(), entry.getValue().textValue());
      }
      return new RunInfo(text(root, "ferryVersion", ""), values);
    }

    private List<ColumnDifference> columns(JsonNode row, String rowPath)
        throws ReportFormatException {
      List<ColumnDifference> columns = new ArrayList<>();
      List<JsonNode> nodes = array(row, "columns", rowPath);
      for (int i = 0; i < nodes.size(); i++) {
        String path = rowPath + ".columns[" + i + "]";
        JsonNode node = nodes.get(i);
        requireObject(node, path);
        boolean secret = bool(node, "secret", path);
        boolean shown = node.has("oldValue") || node.has("newValue");
        if (secret && shown) {
          throw error(path, "a secret column must not carry values");
        }
        columns.add(
            new ColumnDifference(
                text(node, "name", path),
                shown ? text(node, "oldValue", path) : null,
                shown ? text(node, "newValue", path) : null,
                secret));
      }
      return columns;
    }

    private Phase phase(JsonNode root) throws ReportFormatException {
      String phase = text(root, "phase", "");
      return Phase.parse(phase)
          .filter(parsed -> parsed.label().equals(phase))
          .orElseThrow(() -> error("phase", "expected pre or post, was '" + phase + "'"));
    }

    private Instant instant(JsonNode root, String name) throws ReportFormatException {
      String text = text(root, name, "");
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw error(name, "expected an instant such as 2026-01-02T03:04:05Z, was '" + text + "'");
      }
    }

    private <E extends Enum<E>> E enumValue(
        JsonNode parent, String name, String path, Class<E> type) throws ReportFormatException {
      String text = text(parent, name, path);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text)) {
          return constant;
        }
      }
      throw error(
          join(path, name),
          "expected one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + text + "'");
    }

    private String text(JsonNode parent, String name, String path) throws ReportFormatException {
      JsonNode node = field(parent, name, path);
      if (!node.isTextual()) {
        throw error(join(path, name), "expected a string, was " + kind(node));
      }
      return node.textValue();
    }

    private long number(JsonNode parent, String name, String path) throws ReportFormatException {
      JsonNode node = field(parent, name, path);
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw error(join(path, name), "expected a whole number, was " + kind(node));
      }
      return node.longValue();
    }

    private int integer(JsonNode parent, String name, String path) throws ReportFormatException {
      JsonNode node = field(parent, name, path);
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw error(join(path, name), "expected a whole number, was " + kind(node));
      }
      return node.intValue();
    }

    private boolean bool(JsonNode parent, String name, String path) throws ReportFormatException {
      JsonNode node = field(parent, name, path);
      if (!node.isBoolean()) {
        throw error(join(path, name), "expected true or false, was " + kind(node));
      }
      return node.booleanValue();
    }

    private List<String> strings(JsonNode parent, String name, String path)
        throws ReportFormatException {
      List<JsonNode> nodes = array(parent, name, path);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode node = nodes.get(i);
        if (!node.isTextual()) {
          throw error(join(path, name) + "[" + i + "]", "expected a string, was " + kind(node));
        }
        values.add(node.textValue());
      }
      return values;
    }

    private List<JsonNode> array(JsonNode parent, String name, String path)
        throws ReportFormatException {
      JsonNode node = field(parent, name, path);
      if (!node.isArray()) {
        throw error(join(path, name), "expected an array, was " + kind(node));
      }
      List<JsonNode> elements = new ArrayList<>();
      node.forEach(elements::add);
      return elements;
    }

    private JsonNode field(JsonNode parent, String name, String path) throws ReportFormatException {
      JsonNode node = parent.get(name);
      if (node == null || node.isNull()) {
        throw error(join(path, name), "missing");
      }
      return node;
    }

    private void requireObject(JsonNode node, String path) throws ReportFormatException {
      if (!node.isObject()) {
        throw error(path, "expected an object, was " + kind(node));
      }
    }

    private ReportFormatException error(String path, String what) {
      return new ReportFormatException(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    private static String join(String path, String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    private static String kind(JsonNode node) {
      return node.getNodeType().name().toLowerCase(Locale.ROOT)
          + (node.isValueNode() ? " " + node : "");
    }
  }
}
