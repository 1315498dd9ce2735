package io.ferry.cli.alerts;

import io.ferry.cli.BadCommandLineException;
import io.ferry.collector.config.ListenConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a command reaches a running collector: {@code --url} and the API token, read from {@code
 * --token-file} or the environment variable {@value #TOKEN_VARIABLE} (never from the command line,
 * where {@code ps} would show it).
 */
final class CollectorApiOptions {

  /** The environment variable holding the API token when no {@code --token-file} is given. */
  static final String TOKEN_VARIABLE = "FERRY_TOKEN";

  /** The collector's address when {@code --url} is not given: its default listen address. */
  static final String DEFAULT_URL =
      "http://" + ListenConfig.DEFAULT_HOST + ":" + ListenConfig.DEFAULT_PORT;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = DEFAULT_URL,
      description = "the collector's address (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "file holding one of the collector's API tokens (auth.tokens); default: the"
              + " environment variable "
              + TOKEN_VARIABLE)
  Path tokenFile;

  /**
   * The client for the collector at {@code --url}, with the token from {@code --token-file} or
   * {@code environment}.
   *
   * @throws BadCommandLineException when the URL is not an http(s) URL, the token file cannot be
   *     read or no token is given at all
   */
  CollectorApiClient client(Map<String, String> environment) throws BadCommandLineException {
    return new CollectorApiClient(baseUri(), token(environment));
  }

  private URI baseUri() throws BadCommandLineException {
    try {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BadCommandLineException(
          "--url: expected the collector's address such as " + DEFAULT_URL + ", got " + url);
    }
  }

  String token(Map<String, String> environment) throws BadCommandLineException {
    if (tokenFile != null) {
      String token;
      try {
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new BadCommandLineException(
            "--token-file: cannot read " + tokenFile + ": " + e.getClass().getSimpleName());
      }
      if (token.isEmpty()) {
        throw new BadCommandLineException("--token-file: " + tokenFile + " is empty");
      }
      return token;
    }
    String token = environment.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new BadCommandLineException(
          "no API token: set the environment variable "
              + TOKEN_VARIABLE
              + " or pass --token-file FILE");
    }
    return token.strip();
  }
}
