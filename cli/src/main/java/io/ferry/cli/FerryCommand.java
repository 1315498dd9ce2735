package io.ferry.cli;

import io.ferry.cli.alerts.AlertsCommand;
import io.ferry.cli.compare.CompareCommand;
import io.ferry.collector.CollectorDaemon;
import io.ferry.collector.FerryVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ferry} command. Subcommands: {@code collector} runs the collector, {@code
 * check-config} validates a configuration file, {@code compare} compares the new cluster with the
 * old one, {@code alerts} checks and tests rule files and manages silences and maintenance windows
 * on a running collector. Exit codes: 0 success, 1 failure at run time, 2 a bad command line or
 * configuration file; {@code compare} has exit codes of its own (see {@link CompareCommand}).
 */
@Command(
    name = "ferry",
    mixinStandardHelpOptions = true,
    versionProvider = FerryCommand.Version.class,
    description = "Watches a service while it moves between clusters.",
    subcommands = {
      CollectorCommand.class,
      CheckConfigCommand.class,
      CompareCommand.class,
      AlertsCommand.class
    })
public final class FerryCommand implements Callable<Integer> {

  /** Exit code for a bad command line or configuration file. */
  public static final int EXIT_CONFIG = CollectorDaemon.EXIT_CONFIG;

  /** Exit code for a failure at run time, such as InfluxDB being unreachable at start-up. */
  public static final int EXIT_FAILURE = CollectorDaemon.EXIT_FAILURE;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FerryCommand()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_CONFIG;
  }

  /** {@code ferry --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ferry " + FerryVersion.get()};
    }
  }
}
