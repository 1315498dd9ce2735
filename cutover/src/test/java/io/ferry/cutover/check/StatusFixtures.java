package io.ferry.cutover.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a recorded {@code SHOW ... STATUS\G} fixture into column name to value (NULL left out). */
final class StatusFixtures {

  private StatusFixtures() {}

  static Map<String, String> row(String resource) throws IOException {
    Map<String, String> row = new LinkedHashMap<>();
    try (InputStream in = StatusFixtures.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        String value = line.substring(colon + 1).strip();
        if (!value.equals("NULL")) {
          row.put(line.substring(0, colon).strip(), value);
        }
      }
    }
    return row;
  }
}
