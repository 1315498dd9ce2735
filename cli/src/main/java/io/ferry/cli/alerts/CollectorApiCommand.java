package io.ferry.cli.alerts;

import io.ferry.cli.BadCommandLineException;
import io.ferry.cli.FerryCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a running collector: checks its arguments, then calls the API. A bad
 * argument exits {@link FerryCommand#EXIT_CONFIG}, an unreachable collector or a refused token
 * {@link FerryCommand#EXIT_FAILURE}, each with one line naming what was wrong.
 */
abstract class CollectorApiCommand implements Callable<Integer> {

  @Mixin CollectorApiOptions api;

  @Spec CommandSpec spec;

  /** Checks the arguments before anything is sent. */
  abstract void validate() throws BadCommandLineException;

  /** Does the work; returns the exit code. */
  abstract int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException;

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      validate();
      return run(api.client(environment()), spec.commandLine().getOut());
    } catch (BadCommandLineException e) {
      err.println(e.getMessage());
      return FerryCommand.EXIT_CONFIG;
    } catch (CollectorApiException e) {
      err.println(e.getMessage());
      return e.exitCode();
    }
  }

  /** The environment the token and the default author come from. */
  Map<String, String> environment() {
    return System.getenv();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
