package io.ferry.cli.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.alerts.dispatch.MaintenanceWindow;
import io.ferry.alerts.dispatch.Matcher;
import io.ferry.cli.BadCommandLineException;
import io.ferry.cli.FerryCommand;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry alerts window add|list|expire}: maintenance windows of a running collector, such as
 * a planned cutover during which the read_only flip and the replication direction change are
 * expected and must not page, through {@code /api/v1/maintenance-windows}.
 */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    description = "Adds, lists and removes maintenance windows on a running collector.",
    subcommands = {
      WindowCommand.Add.class,
      WindowCommand.ListWindows.class,
      WindowCommand.Expire.class
    })
final class WindowCommand implements Callable<Integer> {

  static final String PATH = "/api/v1/maintenance-windows";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return FerryCommand.EXIT_CONFIG;
  }

  /** {@code ferry alerts window add --name NAME MATCHER... --duration 2h}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Plans a window muting the alerts every MATCHER matches, such as"
              + " 'alertname=~\"ReadOnlyWrongSide|ReplicationDirection.*\"', from --from (default"
              + " now) for --duration or until --until; everything else still pages.")
  static final class Add extends CollectorApiCommand {

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "unique name, such as cutover-2026-06-01")
    String name;

    @Parameters(arity = "1..*", paramLabel = "MATCHER", description = "label matchers")
    List<String> matcherTexts;

    @Option(
        names = "--from",
        paramLabel = "TIME",
        description = "when it starts, ISO-8601 (default: now)")
    String from;

    @Option(names = "--duration", paramLabel = "DURATION", description = "how long, such as 2h")
    String duration;

    @Option(names = "--until", paramLabel = "TIME", description = "when it ends, ISO-8601")
    String until;

    private List<Matcher> matchers;
    private Instant start;
    private Instant end;

    @Override
    void validate() throws BadCommandLineException {
      if (name.isBlank()) {
        throw new BadCommandLineException("--name: give the window a name");
      }
      matchers = AlertArguments.matchers(matcherTexts);
      if ((duration == null) == (until == null)) {
        throw new BadCommandLineException("give one of --duration and --until");
      }
      start = from == null ? Instant.now() : AlertArguments.instant("--from", from);
      end =
          until != null
              ? AlertArguments.instant("--until", until)
              : start.plus(AlertArguments.duration("--duration", duration));
      if (!end.isAfter(start)) {
        throw new BadCommandLineException("--until: the window must end after it starts");
      }
    }

    @Override
    int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("name", name);
      request.put("start", start.toString());
      request.put("end", end.toString());
      request.put("matchers", matchers.stream().map(Matcher::toString).toList());
      MaintenanceWindow window = client.read(client.post(PATH, request), MaintenanceWindow.class);
      out.println(window.name());
      out.flush();
      return 0;
    }
  }

  /** {@code ferry alerts window list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Lists the planned and active maintenance windows, those of the configuration"
              + " included (with --ended, also the past ones).")
  static final class ListWindows extends CollectorApiCommand {

    @Option(names = "--ended", description = "also list the windows that have ended")
    boolean ended;

    @Override
    void validate() {}

    @Override
    int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException {
      JsonNode answer = client.get(PATH);
      Instant now = Instant.now();
      TextTable table = new TextTable("NAME", "STATE", "MATCHERS", "FROM", "UNTIL");
      for (JsonNode node : answer.path("windows")) {
        MaintenanceWindow window = client.read(node, MaintenanceWindow.class);
        boolean over = !now.isBefore(window.end());
        if (over && !ended) {
          continue;
        }
        table.row(
            window.name(),
            over ? "ended" : now.isBefore(window.start()) ? "planned" : "active",
            window.matchers().stream().map(Matcher::toString).collect(Collectors.joining(" ")),
            SilenceCommand.time(window.start()),
            SilenceCommand.time(window.end()));
      }
      table.print(out);
      return 0;
    }
  }

  /** {@code ferry alerts window expire NAME...}. */
  @Command(
      name = "expire",
      mixinStandardHelpOptions = true,
      description =
          "Removes windows added at run time (those of the configuration stay until it"
              + " changes); exits 1 if one of them is unknown.")
  static final class Expire extends CollectorApiCommand {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "window names")
    List<String> names;

    @Override
    void validate() {}

    @Override
    int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException {
      return deleteEach(client, PATH, names, "removed", out);
    }
  }
}
