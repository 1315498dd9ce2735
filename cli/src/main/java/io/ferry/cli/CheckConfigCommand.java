package io.ferry.cli;

import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.yamlconfig.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry check-config FILE}: reads a collector configuration and reports what is wrong. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = "Checks a collector configuration file and exits 0 if it is valid, 2 if not.")
final class CheckConfigCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "the collector.yml to check")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CollectorConfig config;
    try {
      config = new CollectorConfigLoader().load(file);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return FerryCommand.EXIT_CONFIG;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%s: OK (listen %s://%s:%d, %d token(s)%s, InfluxDB %s with %s API, database %s%s)%n",
            file,
            config.listen().scheme(),
            config.listen().host(),
            config.listen().port(),
            config.auth().tokens().size(),
            config.auth().tokensFile().map(f -> " plus those in " + f).orElse(""),
            config.influxdb().url(),
            config.influxdb().api().configName(),
            config.influxdb().destination().database(),
            config
                .cluster()
                .map(
                    cluster ->
                        ", cluster "
                            + cluster.name()
                            + " as "
                            + cluster.member()
                            + " with "
                            + cluster.members().size()
                            + " member address(es)")
                .orElse(""));
    return 0;
  }
}
