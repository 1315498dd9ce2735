package io.ferry.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a secret (token, password) kept in its own file, as {@code token_file} names it. */
final class SecretFile {

  private SecretFile() {}

  /** The file's content without surrounding white space; never empty. */
  static String read(Path file, ConfigValue setting) {
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw setting.problem("cannot read " + file + " (" + describe(e) + ")");
    }
    if (secret.isEmpty()) {
      throw setting.problem(file + " is empty");
    }
    return secret;
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
