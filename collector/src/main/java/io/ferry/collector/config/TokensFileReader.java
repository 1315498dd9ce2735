package io.ferry.collector.config;

import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code auth.tokens_file}: a YAML file with one key, {@code tokens:}, a list of entries as
 * under {@code auth.tokens} ({@code name}, {@code token} or {@code token_file}, {@code
 * rate_limit}). Errors are {@link ConfigException}s naming the file, the line and the key.
 */
public final class TokensFileReader {

  /** The tokens read, and every file they came from (watched for changes). */
  public record Contents(List<ApiToken> tokens, List<Path> files) {}

  private final YamlConfigReader reader = new YamlConfigReader(Environment.system());

  /**
   * @param fixed the tokens of {@code collector.yml}; a name or secret used there is an error here
   */
  public Contents read(Path file, List<ApiToken> fixed) {
    ConfigMapping root = reader.read(file);
    Path baseDir = file.toAbsolutePath().getParent();
    List<ApiToken> tokens = TokenListReader.read(root, "tokens", fixed);
    root.rejectUnknownKeys();
    List<Path> files = new ArrayList<>();
    files.add(file);
    files.addAll(TokenListReader.tokenFiles(root, "tokens", baseDir));
    return new Contents(tokens, files);
  }
}
