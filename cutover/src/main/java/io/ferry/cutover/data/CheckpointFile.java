package io.ferry.cutover.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a {@link Checkpoint} in a JSON file, replaced atomically on every save so a crash never
 * leaves half a file.
 */
public final class CheckpointFile {

  private final Path file;
  private final ObjectMapper mapper =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * @param file where the checkpoint lives
   */
  public CheckpointFile(Path file) {
    this.file = file;
  }

  /**
   * The saved checkpoint, or {@link Checkpoint#EMPTY} when the file does not exist.
   *
   * @throws UncheckedIOException naming the file when it cannot be read or is not a checkpoint
   */
  public Checkpoint load() {
    if (!Files.exists(file)) {
      return Checkpoint.EMPTY;
    }
    try {
      return mapper.readValue(file.toFile(), Checkpoint.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the comparison checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Saves the checkpoint, replacing the previous one. */
  public void save(Checkpoint checkpoint) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      mapper.writeValue(temporary.toFile(), checkpoint);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the comparison checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Removes the checkpoint once a comparison has finished every table. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete the comparison checkpoint " + file + ": " + e.getMessage(), e);
    }
  }
}
