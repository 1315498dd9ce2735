package io.ferry.cli;

import io.ferry.collector.CollectorDaemon;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry collector --config collector.yml}: runs the collector ({@link CollectorDaemon})
 * until the process is asked to stop (SIGTERM or Ctrl-C), then stops it cleanly, writing the points
 * it still holds.
 */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = "Runs the collector: receives line protocol and writes it to InfluxDB.")
final class CollectorCommand implements Callable<Integer> {

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "the collector configuration (collector.yml)")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return CollectorDaemon.run(config, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
