package io.ferry.cli.alerts;

import io.ferry.cli.BadCommandLineException;
import io.ferry.cli.FerryCommand;
import java.io.PrintWriter;
import java.util.List;
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

  /**
   * Deletes each of {@code ids} under {@code path}, printing "{@code done} ID" for each; one the
   * collector does not know is named on the error stream and makes the exit code {@link
   * FerryCommand#EXIT_FAILURE}, the others are still deleted.
   */
  int deleteEach(
      CollectorApiClient client, String path, List<String> ids, String done, PrintWriter out)
      throws CollectorApiException {
    int exit = 0;
    for (String id : ids) {
      try {
        client.delete(path, id);
        out.println(done + " " + id);
      } catch (CollectorApiException e) {
        if (e.httpStatus() != 404) {
          throw e;
        }
        err().println(e.getMessage());
        exit = FerryCommand.EXIT_FAILURE;
      }
    }
    out.flush();
    return exit;
  }
}
