package io.ferry.collector;

import io.ferry.collector.auth.SighupReload;
import io.ferry.collector.cluster.CollectorVertx;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.yamlconfig.ConfigException;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the collector until the process is asked to stop (SIGTERM or Ctrl-C), then stops it cleanly,
 * writing the points it still holds. Users start it as {@code ferry collector --config
 * collector.yml} (the cli module); {@link #main} is the daemon's own entry without the command line
 * library, which tests use to run a collector in a child JVM.
 */
public final class CollectorDaemon {

  /** Exit code for a bad command line or configuration file. */
  public static final int EXIT_CONFIG = 2;

  /** Exit code for a failure at run time, such as InfluxDB being unreachable at start-up. */
  public static final int EXIT_FAILURE = 1;

  private static final long STOP_TIMEOUT_SECONDS = 30;

  private CollectorDaemon() {}

  /** {@code java -cp ... io.ferry.collector.CollectorDaemon --config collector.yml}. */
  public static void main(String[] args) throws InterruptedException {
    var out = new PrintWriter(System.out, true);
    var err = new PrintWriter(System.err, true);
    List<String> arguments = List.of(args);
    if (arguments.size() != 2 || !List.of("-c", "--config").contains(arguments.get(0))) {
      err.println("usage: CollectorDaemon --config FILE");
      System.exit(EXIT_CONFIG);
    }
    System.exit(run(Path.of(arguments.get(1)), out, err));
  }

  /**
   * Loads {@code configFile}, starts the collector, prints the address it listens on and waits
   * until the JVM shuts down; returns the exit code.
   */
  public static int run(Path configFile, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    CollectorConfig config;
    try {
      config = new CollectorConfigLoader().load(configFile);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return EXIT_CONFIG;
    }
    Vertx vertx;
    try {
      vertx = CollectorVertx.start(config.cluster()).await();
    } catch (Exception e) {
      err.println("ferry collector: " + e.getMessage());
      return EXIT_FAILURE;
    }
    var verticle = new CollectorVerticle(config);
    try {
      vertx.deployVerticle(verticle).await();
    } catch (Exception e) {
      err.println("ferry collector: " + e.getMessage());
      vertx.close().await();
      return EXIT_FAILURE;
    }
    out.printf(
        "Ferry collector listening on %s://%s:%d%n",
        config.listen().scheme(), config.listen().host(), verticle.actualPort());
    out.flush();
    if (config.auth().tokensFile().isPresent()) {
      SighupReload.install(() -> verticle.reloadTokens("SIGHUP"));
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    vertx.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    err.println(
                        "ferry collector: did not stop within " + STOP_TIMEOUT_SECONDS + " s");
                    err.flush();
                  } finally {
                    stopped.countDown();
                  }
                },
                "ferry-collector-shutdown"));
    stopped.await();
    return 0;
  }
}
