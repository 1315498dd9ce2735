package io.ferry.cutover.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON document {@link ReportJson} writes back into a {@link ComparisonReport}, so that a
 * later run can compare itself with an earlier one. Binds the document onto the report's records
 * ({@link ReportDocument} at the top), strictly: every field must be present with its type, and the
 * stored verdict and exit code must agree with the stored results; anything else is a {@link
 * ReportFormatException} naming the document and the field by its path. Format version 1 and 2
 * documents are read too.
 */
public final class ReportJsonReader {

  /**
   * Strict binding: every field the records mark required must be present and not null, and no
   * value is coerced to another type (no number as a string, no string as a number, no number as an
   * enum). Unknown fields are ignored, so that a later minor addition still reads.
   */
  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(LogicalType.Textual, ReportJsonReader::onlyText)
          .withCoercionConfig(LogicalType.Enum, ReportJsonReader::onlyText)
          .withCoercionConfig(LogicalType.Integer, ReportJsonReader::noText)
          .withCoercionConfig(LogicalType.Boolean, ReportJsonReader::noText)
          .build();

  private static void onlyText(MutableCoercionConfig config) {
    config
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
  }

  private static void noText(MutableCoercionConfig config) {
    config
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
  }

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
  private final class Document {

    private final String source;

    Document(String source) {
      this.source = source;
    }

    ComparisonReport report(JsonNode root) throws ReportFormatException {
      if (!root.isObject()) {
        throw error("", "expected a JSON object (a comparison report), was " + kind(root));
      }
      JsonNode versionNode = root.get("formatVersion");
      if (versionNode == null || versionNode.isNull()) {
        throw error("formatVersion", "missing: this is not a Ferry comparison report");
      }
      if (!versionNode.isIntegralNumber() || !versionNode.canConvertToInt()) {
        throw error("formatVersion", "expected a whole number, was " + kind(versionNode));
      }
      int version = versionNode.intValue();
      if (version < 1 || version > ReportJson.FORMAT_VERSION) {
        throw error(
            "formatVersion",
            "format version "
                + version
                + " is not supported; this version of Ferry reads versions 1 to "
                + ReportJson.FORMAT_VERSION);
      }
      if (version == 1) {
        upgradeFromVersion1((ObjectNode) root);
      }
      if (version <= 2 && !root.has("replicas")) {
        // before version 3 no replica was compared with its primary
        ((ObjectNode) root).putArray("replicas");
      }
      requireNoNull(root, "");
      ReportDocument document;
      try {
        document = mapper.treeToValue(root, ReportDocument.class);
      } catch (JsonMappingException e) {
        throw error(e, root);
      } catch (JsonProcessingException e) {
        throw error("", e.getOriginalMessage());
      }
      ComparisonReport report =
          new ComparisonReport(
              document
                  .parsedPhase()
                  .orElseThrow(
                      () -> error("phase", "expected pre or post, was '" + document.phase() + "'")),
              instant("startedAt", document.startedAt()),
              instant("finishedAt", document.finishedAt()),
              document.oldEndpoints(),
              document.newEndpoints(),
              document.checks(),
              document.tables(),
              document.replicas(),
              new RunInfo(document.ferryVersion(), document.options()));
      if (document.exitCode() != report.exitCode()) {
        throw error(
            "exitCode",
            "is "
                + document.exitCode()
                + " but the results in the document give "
                + report.exitCode());
      }
      if (document.verdict() != report.verdict()) {
        throw error(
            "verdict",
            "is "
                + document.verdict()
                + " but the results in the document give "
                + report.verdict());
      }
      return report;
    }

    /**
     * Version 1 documents did not record the version and options that made them, nor the differing
     * columns of each row: those are filled in, so that one binding reads both versions.
     */
    private static void upgradeFromVersion1(ObjectNode root) {
      if (!root.has("ferryVersion")) {
        root.put("ferryVersion", "unknown (report format 1)");
      }
      if (!root.has("options")) {
        root.putObject("options");
      }
      for (JsonNode table : elements(root.get("tables"))) {
        for (JsonNode chunk : elements(table.get("drift"))) {
          for (JsonNode row : elements(chunk.get("rows"))) {
            if (row instanceof ObjectNode object && !object.has("columns")) {
              object.putArray("columns");
            }
          }
        }
      }
    }

    private static List<JsonNode> elements(JsonNode array) {
      List<JsonNode> elements = new ArrayList<>();
      if (array != null && array.isArray()) {
        array.forEach(elements::add);
      }
      return elements;
    }

    /**
     * No field of the format is nullable (absent values are left out): a null is a missing field.
     */
    private void requireNoNull(JsonNode node, String path) throws ReportFormatException {
      if (node.isNull()) {
        throw error(path, "missing");
      }
      if (node.isObject()) {
        for (var field : node.properties()) {
          requireNoNull(field.getValue(), join(path, field.getKey()));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          requireNoNull(node.get(i), path + "[" + i + "]");
        }
      }
    }

    private Instant instant(String name, String text) throws ReportFormatException {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw error(name, "expected an instant such as 2026-01-02T03:04:05Z, was '" + text + "'");
      }
    }

    /** What the binding found wrong, named by the field's path in the document. */
    private ReportFormatException error(JsonMappingException e, JsonNode root) {
      String path = path(e);
      Matcher missing = MISSING.matcher(e.getOriginalMessage());
      if (missing.find()) {
        String name = missing.group(1);
        return error(path.endsWith(name) ? path : join(path, name), "missing");
      }
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IllegalArgumentException) {
          return error(path, cause.getMessage());
        }
        if (cause instanceof NullPointerException) {
          return error(path, "a field or list element is null");
        }
      }
      JsonNode node = root.at(pointer(e));
      Class<?> target =
          e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
      return error(path, expected(target, node));
    }

    private ReportFormatException error(String path, String what) {
      return new ReportFormatException(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }
  }

  /** Jackson's message when a required field is absent or null. */
  private static final Pattern MISSING =
      Pattern.compile(
          "^(?:Missing required creator property|Null value for creator property) '([^']+)'");

  private static String expected(Class<?> target, JsonNode node) {
    if (target == null) {
      return "unexpected " + kind(node);
    }
    if (target.isEnum()) {
      return node.isTextual()
          ? "expected one of "
              + Arrays.toString(target.getEnumConstants())
              + ", was '"
              + node.textValue()
              + "'"
          : "expected a string, was " + kind(node);
    }
    if (target == String.class) {
      return "expected a string, was " + kind(node);
    }
    if (target == int.class
        || target == long.class
        || target == Integer.class
        || target == Long.class) {
      return "expected a whole number, was " + kind(node);
    }
    if (target == boolean.class || target == Boolean.class) {
      return "expected true or false, was " + kind(node);
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "expected an array, was " + kind(node);
    }
    return "expected an object, was " + kind(node);
  }

  /** {@code tables[0].drift[1].rows}: the path Jackson recorded, as the documentation writes it. */
  private static String path(JsonMappingException e) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static JsonPointer pointer(JsonMappingException e) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer =
          reference.getFieldName() != null
              ? pointer.appendProperty(reference.getFieldName())
              : pointer.appendIndex(reference.getIndex());
    }
    return pointer;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT)
        + (node.isValueNode() ? " " + node : "");
  }
}
