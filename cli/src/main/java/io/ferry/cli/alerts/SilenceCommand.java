package io.ferry.cli.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.alerts.dispatch.Matcher;
import io.ferry.alerts.dispatch.Silence;
import io.ferry.cli.BadCommandLineException;
import io.ferry.cli.FerryCommand;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * {@code ferry alerts silence add|list|expire}: the silences of a running collector, as {@code
 * amtool silence} manages Alertmanager's, through {@code /api/v1/silences}.
 */
@Command(
    name = "silence",
    mixinStandardHelpOptions = true,
    description = "Adds, lists and expires silences on a running collector.",
    subcommands = {
      SilenceCommand.Add.class,
      SilenceCommand.ListSilences.class,
      SilenceCommand.Expire.class
    })
final class SilenceCommand implements Callable<Integer> {

  static final String PATH = "/api/v1/silences";

  /** How long a silence lasts when neither {@code --duration} nor {@code --until} is given. */
  static final String DEFAULT_DURATION = "1h";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return FerryCommand.EXIT_CONFIG;
  }

  /** {@code ferry alerts silence add MATCHER... --comment TEXT}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Mutes the alerts every MATCHER matches, such as alertname=ReplicationStopped,"
              + " 'host=~\"db-.*\"' or severity!=info; prints the new silence's id.")
  static final class Add extends CollectorApiCommand {

    @Parameters(arity = "1..*", paramLabel = "MATCHER", description = "label matchers")
    List<String> matcherTexts;

    @Option(
        names = "--comment",
        required = true,
        paramLabel = "TEXT",
        description = "why (a ticket, the work)")
    String comment;

    @Option(
        names = "--author",
        paramLabel = "NAME",
        description = "who silences (default: the environment variable USER)")
    String author;

    @Option(
        names = "--duration",
        paramLabel = "DURATION",
        description = "how long, such as 30m or 2h (default: " + DEFAULT_DURATION + ")")
    String duration;

    @Option(
        names = "--until",
        paramLabel = "TIME",
        description = "when it ends, ISO-8601 such as 2026-06-01T22:00:00Z")
    String until;

    private List<Matcher> matchers;

    @Override
    void validate() throws BadCommandLineException {
      matchers = AlertArguments.matchers(matcherTexts);
      if (duration != null && until != null) {
        throw new BadCommandLineException("give --duration or --until, not both");
      }
      if (duration != null) {
        AlertArguments.duration("--duration", duration);
      }
      if (until != null) {
        AlertArguments.instant("--until", until);
      }
      if (comment.isBlank()) {
        throw new BadCommandLineException("--comment: say why the alerts are silenced");
      }
      if (author == null || author.isBlank()) {
        author = environment().getOrDefault("USER", System.getProperty("user.name"));
      }
      if (author == null || author.isBlank()) {
        throw new BadCommandLineException("--author: no USER in the environment, give --author");
      }
    }

    @Override
    int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("matchers", matchers.stream().map(Matcher::toString).toList());
      if (until != null) {
        request.put("endsAt", until);
      } else {
        request.put("duration", duration == null ? DEFAULT_DURATION : duration);
      }
      request.put("createdBy", author);
      request.put("comment", comment);
      Silence silence = client.read(client.post(PATH, request), Silence.class);
      out.println(silence.id());
      out.flush();
      return 0;
    }
  }

  /** {@code ferry alerts silence list}. */
  @Command(
      name = "list",
      aliases = "query",
      mixinStandardHelpOptions = true,
      description = "Lists the active and pending silences (with --expired, also the ended ones).")
  static final class ListSilences extends CollectorApiCommand {

    @Option(names = "--expired", description = "also list the silences that have ended")
    boolean expired;

    @Option(
        names = {"-q", "--quiet"},
        description = "print only the ids, one a line")
    boolean quiet;

    @Override
    void validate() {}

    @Override
    int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException {
      JsonNode answer = client.get(PATH);
      Instant now = Instant.now();
      TextTable table = new TextTable("ID", "STATE", "MATCHERS", "UNTIL", "AUTHOR", "COMMENT");
      for (JsonNode node : answer.path("silences")) {
        Silence silence = client.read(node, Silence.class);
        if (silence.expiredAt(now) && !expired) {
          continue;
        }
        if (quiet) {
          out.println(silence.id());
          continue;
        }
        table.row(
            silence.id(),
            state(silence, now),
            silence.matchers().stream().map(Matcher::toString).collect(Collectors.joining(" ")),
            time(silence.endsAt()),
            silence.createdBy(),
            silence.comment());
      }
      if (!quiet) {
        table.print(out);
      }
      out.flush();
      return 0;
    }

    private static String state(Silence silence, Instant now) {
      if (silence.expiredAt(now)) {
        return "expired";
      }
      return silence.activeAt(now) ? "active" : "pending";
    }
  }

  /** {@code ferry alerts silence expire ID...}. */
  @Command(
      name = "expire",
      mixinStandardHelpOptions = true,
      description = "Ends silences now; exits 1 if one of them is unknown or already ended.")
  static final class Expire extends CollectorApiCommand {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "ids printed by add or list")
    List<String> ids;

    @Override
    void validate() {}

    @Override
    int run(CollectorApiClient client, PrintWriter out) throws CollectorApiException {
      return deleteEach(client, PATH, ids, "expired", out);
    }
  }

  /** An instant to the second, UTC, ISO-8601. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
