package io.ferry.collector.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.AlertsJson;
import io.ferry.alerts.dispatch.DispatchState;
import io.ferry.alerts.eval.EngineState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The alert state file: the engine's pending and firing alerts and the dispatcher's silences and
 * notification log, as one JSON document, replaced atomically on every save so that a crash never
 * leaves half a file.
 */
final class AlertStateFile {

  /**
   * What the file holds.
   *
   * @param engine pending and firing alerts, silent hosts' last sightings
   * @param dispatch silences, runtime maintenance windows, groups and what was sent
   */
  record Saved(EngineState engine, DispatchState dispatch) {}

  private static final ObjectMapper JSON = AlertsJson.mapper();

  private final Path file;

  AlertStateFile(Path file) {
    this.file = file;
  }

  /** The saved state, or empty when there is no file yet. */
  Optional<Saved> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), Saved.class));
  }

  /** The state as the JSON document the file holds. */
  static String toJson(Saved saved) throws IOException {
    return JSON.writeValueAsString(saved);
  }

  /** The state from a JSON document written by {@link #toJson}. */
  static Saved fromJson(String json) throws IOException {
    return JSON.readValue(json, Saved.class);
  }

  /** Saves, replacing the previous file atomically. */
  void save(Saved saved) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      JSON.writeValue(temporary.toFile(), saved);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
