package io.ferry.alerts.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.AlertsJson;
import java.io.UncheckedIOException;

/**
 * Writes and reads {@link DispatchState} as JSON with Jackson data binding; instants are ISO-8601
 * text such as {@code 2025-06-01T22:00:00Z}. The host stores the text where it likes (a file
 * written atomically, a table).
 */
public final class DispatchStateJson {

  private static final ObjectMapper MAPPER = AlertsJson.mapper();

  private DispatchStateJson() {}

  /** The state as JSON text. */
  public static String write(DispatchState state) {
    try {
      return MAPPER.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write dispatch state as JSON", e);
    }
  }

  /**
   * The state from JSON text written by {@link #write(DispatchState)}.
   *
   * @throws UncheckedIOException when the text is not such JSON
   */
  public static DispatchState read(String json) {
    try {
      return MAPPER.readValue(json, DispatchState.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read dispatch state: " + e.getOriginalMessage(), e);
    }
  }
}
