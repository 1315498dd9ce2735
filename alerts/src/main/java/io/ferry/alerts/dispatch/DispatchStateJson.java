package io.ferry.alerts.dispatch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Writes and reads {@link DispatchState} as JSON with Jackson data binding; instants are ISO-8601
 * text such as {@code 2025-06-01T22:00:00Z}. The host stores the text where it likes (a file
 * written atomically, a table).
 */
public final class DispatchStateJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(instantsAsText())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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

  /**
   * A Jackson module writing {@link Instant}s as ISO-8601 text and reading them back, for mappers
   * that have no {@code jackson-datatype-jsr310}.
   */
  public static SimpleModule instantsAsText() {
    SimpleModule module = new SimpleModule("ferry-instants");
    module.addSerializer(
        Instant.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Instant value, JsonGenerator out, SerializerProvider serializers)
              throws IOException {
            out.writeString(value.toString());
          }
        });
    module.addDeserializer(
        Instant.class,
        new JsonDeserializer<>() {
          @Override
          public Instant deserialize(JsonParser in, DeserializationContext context)
              throws IOException {
            String text = in.getValueAsString();
            try {
              return Instant.parse(text);
            } catch (DateTimeException | NullPointerException e) {
              return (Instant)
                  context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
          }
        });
    return module;
  }
}
