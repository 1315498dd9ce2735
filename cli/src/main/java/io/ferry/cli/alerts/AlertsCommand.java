package io.ferry.cli.alerts;

import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.RuleFileReader;
import io.ferry.alerts.ruletest.RuleTestReader;
import io.ferry.alerts.ruletest.RuleTestRunner;
import io.ferry.alerts.ruletest.RuleTestSuite;
import io.ferry.cli.FerryCommand;
import io.ferry.yamlconfig.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry alerts check FILE...} validates rule files; {@code ferry alerts test FILE...} runs
 * rule unit tests (input series and the alerts expected at given times, like {@code promtool test
 * rules}). Exit codes: 0 all good, 1 a test failed, 2 a file is invalid. {@code ferry alerts
 * silence ...} and {@code ferry alerts window ...} manage silences and maintenance windows of a
 * running collector ({@link SilenceCommand}, {@link WindowCommand}).
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description =
        "Checks and tests alert rule files; silences alerts and plans maintenance windows on a"
            + " running collector.",
    subcommands = {
      AlertsCommand.Check.class,
      AlertsCommand.Test.class,
      SilenceCommand.class,
      WindowCommand.class
    })
public final class AlertsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return FerryCommand.EXIT_CONFIG;
  }

  /** {@code ferry alerts check FILE...}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Checks rule files: exits 0 if every file is valid, 2 naming file, line and key"
              + " of the first problem.")
  static final class Check implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "rule files")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        List<AlertRule> rules = new RuleFileReader().readAll(files);
        for (Path file : files) {
          long count = rules.stream().filter(r -> r.file().equals(file.toString())).count();
          out.printf("%s: OK (%d rules)%n", file, count);
        }
        return 0;
      } catch (ConfigException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return FerryCommand.EXIT_CONFIG;
      }
    }
  }

  /** {@code ferry alerts test FILE...}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Runs rule unit tests: exits 0 if all pass, 1 if one fails, 2 if a file is" + " invalid.")
  static final class Test implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "rule test files")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int passed = 0;
      int failed = 0;
      for (Path file : files) {
        RuleTestSuite suite;
        try {
          suite = new RuleTestReader().read(file);
        } catch (ConfigException e) {
          spec.commandLine().getErr().println(e.getMessage());
          return FerryCommand.EXIT_CONFIG;
        } catch (IllegalArgumentException e) {
          spec.commandLine().getErr().println(file + ": " + e.getMessage());
          return FerryCommand.EXIT_CONFIG;
        }
        for (RuleTestRunner.Result result : new RuleTestRunner().run(suite)) {
          if (result.passed()) {
            passed++;
            out.printf("PASS %s: %s%n", file, result.name());
          } else {
            failed++;
            out.printf("FAIL %s: %s%n", file, result.name());
            result.failures().forEach(failure -> out.printf("     %s%n", failure));
          }
        }
      }
      out.printf("%d passed, %d failed%n", passed, failed);
      return failed == 0 ? 0 : FerryCommand.EXIT_FAILURE;
    }
  }
}
