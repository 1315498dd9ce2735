package io.ferry.collector.cli;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.auth.SighupReload;
import io.ferry.collector.cluster.CollectorVertx;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.yamlconfig.ConfigException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry collector --config collector.yml}: runs the collector until the process is asked to
 * stop (SIGTERM or Ctrl-C), then stops it cleanly, writing the points it still holds.
 */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = "Runs the collector: receives line protocol and writes it to InfluxDB.")
final class CollectorCommand implements Callable<Integer> {

  private static final long STOP_TIMEOUT_SECONDS = 30;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "the collector configuration (collector.yml)")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    CollectorConfig collectorConfig;
    try {
      collectorConfig = new CollectorConfigLoader().load(config);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return FerryCommand.EXIT_CONFIG;
    }
    Vertx vertx;
    try {
      vertx = CollectorVertx.start(collectorConfig.cluster()).await();
    } catch (Exception e) {
      spec.commandLine().getErr().println("ferry collector: " + e.getMessage());
      return FerryCommand.EXIT_FAILURE;
    }
    var verticle = new CollectorVerticle(collectorConfig);
    try {
      vertx.deployVerticle(verticle).await();
    } catch (Exception e) {
      spec.commandLine().getErr().println("ferry collector: " + e.getMessage());
      vertx.close().await();
      return FerryCommand.EXIT_FAILURE;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Ferry collector listening on %s://%s:%d%n",
            collectorConfig.listen().scheme(),
            collectorConfig.listen().host(),
            verticle.actualPort());
    spec.commandLine().getOut().flush();
    if (collectorConfig.auth().tokensFile().isPresent()) {
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
                    spec.commandLine()
                        .getErr()
                        .println(
                            "ferry collector: did not stop within " + STOP_TIMEOUT_SECONDS + " s");
                  } finally {
                    stopped.countDown();
                  }
                },
                "ferry-collector-shutdown"));
    stopped.await();
    return 0;
  }
}
