package io.ferry.cutover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link ComparisonReport} as the JSON document for machines, by data binding on the
 * report's records ({@link ReportDocument} at the top). The layout is documented in {@code
 * docs/compare-report.md} and pinned by golden files, so a renamed record component cannot change
 * it unnoticed.
 */
public final class ReportJson {

  /**
   * Version of the document layout; raised when a field changes meaning or disappears. Version 2
   * added {@code ferryVersion}, {@code options} and the differing columns of each row; version 3
   * the replicas' data comparisons ({@code replicas}).
   */
  public static final int FORMAT_VERSION = 3;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The report as pretty-printed JSON text, ending without a newline. */
  public String write(ComparisonReport report) {
    try {
      return mapper.writeValueAsString(ReportDocument.of(report)).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the comparison report as JSON", e);
    }
  }
}
