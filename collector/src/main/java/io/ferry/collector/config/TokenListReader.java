package io.ferry.collector.config;

import io.ferry.yamlconfig.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a list of tokens ({@code auth.tokens} in {@code collector.yml}, {@code tokens} in the
 * tokens file) and rate limits: the one place where the keys of a token entry are defined.
 */
public final class TokenListReader {

  private TokenListReader() {}

  /**
   * The tokens under {@code key}; names and secrets must be unique, also against {@code taken}.
   *
   * @param taken tokens already known (from the other source), checked for clashes
   */
  public static List<ApiToken> read(ConfigMapping parent, String key, List<ApiToken> taken) {
    List<ApiToken> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    taken.forEach(
        token -> {
          names.add(token.name());
          secrets.add(token.token());
        });
    for (ConfigMapping entry : parent.mappingList(key)) {
      String name = entry.requiredString("name");
      String token =
          entry
              .secret("token")
              .orElseThrow(() -> entry.problem("token", "is required (or token_file)"));
      if (token.isBlank()) {
        throw entry.problem("token", "must not be empty");
      }
      if (!names.add(name)) {
        throw entry.problem("name", "another token is already named " + name);
      }
      if (!secrets.add(token)) {
        throw entry.problem("token", "the same token is already given to another name");
      }
      Optional<RateLimit> limit =
          entry.has("rate_limit")
              ? Optional.of(rateLimit(entry.mapping("rate_limit")))
              : Optional.empty();
      tokens.add(new ApiToken(name, token, limit));
    }
    return tokens;
  }

  /** The files named by {@code token_file} in the entries under {@code key}, resolved. */
  public static List<Path> tokenFiles(ConfigMapping parent, String key, Path baseDir) {
    List<Path> files = new ArrayList<>();
    for (ConfigMapping entry : parent.mappingList(key)) {
      entry.string("token_file").map(baseDir::resolve).ifPresent(files::add);
    }
    return files;
  }

  /** A {@code rate_limit:} mapping. */
  public static RateLimit rateLimit(ConfigMapping limit) {
    RateLimit parsed =
        new RateLimit(
            rate(limit, "points_per_second"),
            rate(limit, "requests_per_second"),
            limit.parsed(
                "burst",
                RateLimit.DEFAULT_BURST,
                "a positive duration such as 10s",
                text ->
                    io.ferry.yamlconfig.ConfigUnits.parseDuration(text)
                        .filter(d -> d.compareTo(Duration.ofMillis(1)) >= 0)));
    limit.rejectUnknownKeys();
    return parsed;
  }

  private static OptionalDouble rate(ConfigMapping limit, String key) {
    return limit.parsed(
        key,
        OptionalDouble.empty(),
        "a positive number or off",
        text -> {
          String trimmed = text.trim();
          if (trimmed.equals("off")) {
            return Optional.of(OptionalDouble.empty());
          }
          try {
            double value = Double.parseDouble(trimmed);
            return value > 0 && Double.isFinite(value)
                ? Optional.of(OptionalDouble.of(value))
                : Optional.empty();
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        });
  }
}
