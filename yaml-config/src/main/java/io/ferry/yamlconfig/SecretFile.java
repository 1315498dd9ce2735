package io.ferry.yamlconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a secret (token, password) kept in its own file, as a {@code *_file} key names it. */
final class SecretFile {

  private SecretFile() {}

  /**
   * The file's content without surrounding white space; never empty.
   *
   * @param setting the {@code *_file} value, whose location any error names
   */
  static String read(Path file, ConfigValue setting) {
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw setting.problem("file " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw setting.problem("file " + file + " is not readable");
    } catch (IOException e) {
      throw setting.problem("cannot read file " + file + ": " + e.getMessage());
    }
    if (secret.isEmpty()) {
      throw setting.problem("file " + file + " is empty");
    }
    return secret;
  }
}
