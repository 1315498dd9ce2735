package io.ferry.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson set-up for alert data (saved state, the alert API): instants as ISO-8601 text
 * such as {@code 2025-06-01T22:00:00Z}, and unknown properties ignored so that state saved by a
 * newer version still loads.
 */
public final class AlertsJson {

  private AlertsJson() {}

  /** A new mapper with that set-up. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
