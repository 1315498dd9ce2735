package io.ferry.collector.auth;

import io.ferry.collector.config.AuthConfig;
import io.ferry.collector.config.TokensFileReader;
import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.yamlconfig.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TokenRegistry} in step with {@code auth.tokens_file}: every {@code
 * auth.reload_interval} it hashes the file and each {@code token_file} it names (contents, not
 * modification times, so an edit within the same second is seen) and reads the file again when one
 * changed; {@link #reload} does the same on demand (SIGHUP). A file that does not read keeps the
 * tokens in force and logs the error with the file, the line and the key. Each reload is logged
 * with the tokens' names, never the tokens. File I/O runs on a worker thread, one reload at a time.
 */
public final class TokensFileWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(TokensFileWatcher.class);

  private final Vertx vertx;
  private final AuthConfig auth;
  private final Path file;
  private final TokenRegistry registry;
  private final CollectorMetrics metrics;
  private final TokensFileReader reader = new TokensFileReader();
  private volatile List<Path> watched;
  private volatile String fingerprint = "";
  private long timer = -1;

  public TokensFileWatcher(
      Vertx vertx, AuthConfig auth, Path file, TokenRegistry registry, CollectorMetrics metrics) {
    this.vertx = vertx;
    this.auth = auth;
    this.file = file;
    this.registry = registry;
    this.metrics = metrics;
    this.watched = List.of(file);
  }

  /** Reads the file (failing when it does not read) and starts checking it for changes. */
  public Future<Void> start() {
    return vertx
        .<Void>executeBlocking(
            () -> {
              var contents = reader.read(file, registry.fixed());
              watched = contents.files();
              fingerprint = fingerprint(watched);
              registry.replaceReloaded(contents.tokens());
              LOG.info("Tokens read from {}: {}", file, registry.names());
              return null;
            })
        .onSuccess(
            started ->
                timer = vertx.setPeriodic(auth.reloadInterval().toMillis(), tick -> checkNow()));
  }

  /** Stops checking. */
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Reads the file again now, whether or not it changed (SIGHUP). */
  public Future<Boolean> reload(String reason) {
    return vertx.executeBlocking(() -> reloadBlocking(reason));
  }

  private void checkNow() {
    vertx
        .executeBlocking(
            () -> {
              if (!fingerprint(watched).equals(fingerprint)) {
                reloadBlocking("file changed");
              }
              return null;
            })
        .onFailure(e -> LOG.error("Checking {} for changes failed: {}", file, e.toString()));
  }

  private boolean reloadBlocking(String reason) {
    fingerprint = fingerprint(watched);
    List<String> before = registry.names();
    TokensFileReader.Contents contents;
    try {
      contents = reader.read(file, registry.fixed());
    } catch (ConfigException e) {
      metrics.tokensReloaded(false);
      LOG.error(
          "Tokens not reloaded ({}): {}; the {} tokens in force stay: {}",
          reason,
          e.getMessage(),
          before.size(),
          before);
      return false;
    }
    watched = contents.files();
    fingerprint = fingerprint(watched);
    registry.replaceReloaded(contents.tokens());
    metrics.tokensReloaded(true);
    List<String> after = registry.names();
    LOG.info(
        "Tokens reloaded from {} ({}): {} in force{}{}",
        file,
        reason,
        after.size(),
        change(" added ", after, before),
        change(" removed ", before, after));
    return true;
  }

  /** {@code label} and the names in {@code these} but not in {@code others}, or "". */
  private static String change(String label, List<String> these, List<String> others) {
    var names = new TreeSet<>(these);
    others.forEach(names::remove);
    return names.isEmpty() ? "" : ";" + label + String.join(", ", names);
  }

  private static String fingerprint(List<Path> files) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
    List<String> parts = new ArrayList<>();
    for (Path path : files) {
      try {
        parts.add(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(path))));
      } catch (NoSuchFileException e) {
        parts.add("missing");
      } catch (IOException e) {
        parts.add("unreadable: " + e.getMessage());
      }
    }
    return String.join(",", parts);
  }
}
